'use strict';
// Reads a JSON array of T-SQL statements on stdin and writes a JSON array of the same length on stdout:
// null where the statement parses with the ANTLR T-SQL grammar (grammars-v4's TSqlParser, as built by
// antlr4ts-sql), else every syntax error with its line and column and the text it was found at.
const { CharStreams } = require('antlr4ts/CharStreams');
const { CommonTokenStream } = require('antlr4ts/CommonTokenStream');
const { BailErrorStrategy } = require('antlr4ts/BailErrorStrategy');
const { PredictionMode } = require('antlr4ts/atn/PredictionMode');
const { CaseChangingStream } = require('antlr4ts-sql/dist/src/models/CaseChangingStream');
const { TSqlLexer } = require('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlLexer');
const { TSqlParser } = require('antlr4ts-sql/dist/src/grammar-output/tsql/TSqlParser');

function parserFor(statement, listener) {
  // The grammar's keywords are upper case; T-SQL's are not case-sensitive.
  const lexer = new TSqlLexer(new CaseChangingStream(CharStreams.fromString(statement), true));
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const parser = new TSqlParser(new CommonTokenStream(lexer));
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  return parser;
}

// ANTLR's messages name the offending token by its type number (the case-changing stream hides its text) and
// list every token it would have taken, hundreds at a statement boundary; the text at the column says more.
function shortened(message) {
  return message
    .replace(/ at input '.*'$/s, '')
    .replace(/^(mismatched|extraneous) input '.*?'/s, '$1 input')
    .replace(/ expecting \{.*\}$/s, (expected) => (expected.length > 120 ? '' : expected));
}

// The first error only: the ones after it are the parser recovering from it.
function errorsOf(statement) {
  const found = [];
  const listener = {
    syntaxError: (recognizer, symbol, line, column, message) => {
      const near = (statement.split('\n')[line - 1] || '').slice(column, column + 40);
      const where = near.trim() ? `at "${near}"` : 'at the end of the statement';
      found.push(`line ${line}, column ${column + 1}: ${shortened(message)} ${where}`);
    },
  };
  return { found, listener };
}

function problem(statement) {
  // SLL with bail-out accepts only valid input and is several times faster; a statement it rejects is parsed
  // again with full LL and the default recovery, which reports the real errors (or none).
  const fast = errorsOf(statement);
  const quick = parserFor(statement, fast.listener);
  quick.interpreter.setPredictionMode(PredictionMode.SLL);
  quick.errorHandler = new BailErrorStrategy();
  try {
    quick.tsql_file();
    if (fast.found.length === 0) {
      return null;
    }
  } catch (e) {
    // rejected by SLL: decided below
  }
  const full = errorsOf(statement);
  parserFor(statement, full.listener).tsql_file();
  return full.found.length === 0 ? null : full.found[0];
}

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const statements = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  process.stdout.write(JSON.stringify(statements.map(problem)));
});
