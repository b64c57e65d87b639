package com.commerceinsight.analytics.customers;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.PageRequest;
import com.commerceinsight.analytics.paging.Page;

/** A customer's orders, newest first, a page at a time, each with its lines (two queries a page, through the indexes on customer and order). */
@ApplicationScoped
public class CustomerOrderHistory {

    private final EntityManager em;

    public CustomerOrderHistory(EntityManager em) {
        this.em = em;
    }

    public boolean exists(long customerId) {
        return em.find(Customer.class, customerId) != null;
    }

    public Page<CustomerOrderView> orders(long customerId, PageRequest page) {
        List<Object[]> orders = em.createQuery("select o.id, o.orderedAt, o.kind, o.status, o.totalAmount, o.currency "
                        + "from CustomerOrder o where o.customerId = :customerId order by o.orderedAt desc, o.id desc", Object[].class)
                .setParameter("customerId", customerId)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(o) from CustomerOrder o where o.customerId = :customerId", Long.class)
                .setParameter("customerId", customerId).getSingleResult();
        List<Long> ids = orders.stream().map(o -> (Long) o[0]).toList();
        Map<Long, List<CustomerOrderView.Line>> lines = ids.isEmpty() ? Map.of() : em.createQuery(
                        "select l.order.id, l.lineNumber, l.productId, p.name, l.quantity, l.unitPrice from OrderLine l "
                                + "left join Product p on p.id = l.productId where l.order.id in :ids order by l.order.id, l.lineNumber",
                        Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.groupingBy(l -> (Long) l[0], Collectors.mapping(l -> new CustomerOrderView.Line(
                        (Integer) l[1], (Long) l[2], (String) l[3], (Integer) l[4], (BigDecimal) l[5]), Collectors.toList())));
        List<CustomerOrderView> items = orders.stream().map(o -> new CustomerOrderView((Long) o[0], (LocalDateTime) o[1], (String) o[2],
                (String) o[3], (BigDecimal) o[4], (String) o[5], lines.getOrDefault((Long) o[0], List.of()))).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
