package com.commerceinsight.analytics.idempotency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Requests made at most once per Idempotency-Key: the first answer is stored with what the request wrote, in one
 * transaction, and a retry with the same key and request gets that answer back and writes nothing. The same key with
 * another request is refused ({@link KeyReusedException}).
 */
@ApplicationScoped
public class IdempotentRequests {

    private final ObjectMapper json;
    private final EntityManager entityManager;

    public IdempotentRequests(ObjectMapper json, EntityManager entityManager) {
        this.json = json;
        this.entityManager = entityManager;
    }

    /**
     * Runs {@code request} in a new transaction that also stores its answer under {@code key}, or answers the stored
     * answer of an earlier run with the same key (refusing another request under it). Without a key, just runs it.
     * Two concurrent requests with one key: the one that stores second fails on the key and rolls back, and its second
     * run replays the first one's answer.
     */
    public <T> Replayable<T> replayOrRun(IdempotencyKey key, Class<T> type, Supplier<T> request) {
        if (key == null) {
            return new Replayable<>(request.get(), false);
        }
        return inNewTransaction(() -> replayOrRunOnce(key, type, request));
    }

    /**
     * Runs work that stores answers in a new transaction, and once more if it lost a race to store a key: a
     * concurrent request with the same key committed first, and the second run finds (and replays) its answer.
     */
    public <T> T inNewTransaction(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            if (!StoredAnswers.isLostKeyRace(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(work::get);
        }
    }

    private <T> Replayable<T> replayOrRunOnce(IdempotencyKey key, Class<T> type, Supplier<T> request) {
        StoredAnswer stored = stored(List.of(key.id())).get(key.id());
        if (stored != null) {
            if (!key.sameRequestAs(stored)) {
                throw new KeyReusedException();
            }
            return new Replayable<>(read(stored, type), true);
        }
        T answer = request.get();
        store(List.of(Map.entry(key, answer)));
        return new Replayable<>(answer, false);
    }

    /** The stored answers among these ids, read in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<IdempotencyKey.Id, StoredAnswer> stored(Collection<IdempotencyKey.Id> ids) {
        return session().doReturningWork(connection -> StoredAnswers.find(connection, ids));
    }

    /** Stores first answers in the caller's transaction, which is the one that wrote what they answer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(List<? extends Map.Entry<IdempotencyKey, ?>> answers) {
        List<Map.Entry<IdempotencyKey, String>> rows = new ArrayList<>(answers.size());
        for (Map.Entry<IdempotencyKey, ?> answer : answers) {
            rows.add(Map.entry(answer.getKey(), write(answer.getValue())));
        }
        session().doWork(connection -> StoredAnswers.insert(connection, rows));
    }

    /** A stored answer as the type it was stored from. */
    public <T> T read(StoredAnswer stored, Class<T> type) {
        try {
            return json.readValue(stored.response(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer cannot be read as " + type.getSimpleName(), e);
        }
    }

    private String write(Object answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer cannot be written as JSON", e);
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
