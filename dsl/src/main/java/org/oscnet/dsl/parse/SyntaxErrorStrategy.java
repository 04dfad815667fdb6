package org.oscnet.dsl.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.diag.Suggestions;
import org.oscnet.dsl.grammar.OscLexer;

/**
 * ANTLR's recovery, with messages written for people: "unexpected `couplng`; did you mean
 * `coupling`?", "expected `;`" placed just after the previous token, and short lists of what
 * may come next. Every message goes to {@link Diagnostics}; parsing goes on to find the rest.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    private static final int MAX_LISTED = 8;
    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            OscLexer.IDENT, "a name",
            OscLexer.INT, "a whole number",
            OscLexer.FLOAT, "a number",
            OscLexer.STRING, "a quoted file name",
            OscLexer.EOF, "end of file");

    private final Diagnostics diagnostics;
    private final SourceFile source;

    SyntaxErrorStrategy(Diagnostics diagnostics, SourceFile source) {
        this.diagnostics = diagnostics;
        this.source = source;
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        reportUnexpected(parser, e.getOffendingToken(), parser.getExpectedTokens());
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        reportUnexpected(parser, e.getOffendingToken(), e.getExpectedTokens());
    }

    @Override
    protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
        reportUnexpected(parser, e.getOffendingToken(), parser.getExpectedTokens());
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        reportUnexpected(parser, parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token previous = parser.getTokenStream().LT(-1);
        String expected = describe(getExpectedTokens(parser), parser.getVocabulary());
        if (previous != null && previous.getType() != Token.EOF) {
            diagnostics.error(after(previous), "expected " + expected + " after `" + previous.getText() + "`");
        } else {
            diagnostics.error(at(parser.getCurrentToken()), "expected " + expected);
        }
    }

    private void reportUnexpected(Parser parser, Token token, IntervalSet expected) {
        Vocabulary vocabulary = parser.getVocabulary();
        Token previous = parser.getTokenStream().LT(-1);
        if (expected.contains(OscLexer.SEMI) && previous != null && token.getLine() > previous.getLine()
                && previous.getType() != Token.EOF) {
            // A forgotten `;` is noticed at the next line's first token; point at the line that lacks it.
            diagnostics.error(after(previous), "expected `;` after `" + previous.getText() + "`");
            return;
        }
        String message = token.getType() == Token.EOF
                ? "unexpected end of file"
                : "unexpected `" + token.getText() + "`";
        List<String> keywords = keywordsOf(expected, vocabulary);
        var hint = isWord(token) ? Suggestions.closest(token.getText(), keywords) : java.util.Optional.<String>empty();
        if (hint.isPresent()) {
            message += "; did you mean `" + hint.get() + "`?";
        } else {
            message += "; expected " + describe(expected, vocabulary);
        }
        diagnostics.error(at(token), message);
    }

    private static boolean isWord(Token token) {
        return token.getText() != null && token.getText().matches("[A-Za-z_][A-Za-z_0-9]*");
    }

    /** The keywords (literal tokens that are words) in {@code expected}, in grammar order. */
    private static List<String> keywordsOf(IntervalSet expected, Vocabulary vocabulary) {
        List<String> words = new ArrayList<>();
        for (int type : expected.toArray()) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && Character.isLetter(literal.charAt(1))) {
                words.add(literal.substring(1, literal.length() - 1));
            }
        }
        return words;
    }

    /** "`;`", "`;` or `,`", "one of `a`, `b`, `c`", or a short summary for long sets. */
    static String describe(IntervalSet expected, Vocabulary vocabulary) {
        List<String> names = new ArrayList<>();
        boolean anyName = expected.contains(OscLexer.IDENT);
        for (int type : expected.toArray()) {
            if (anyName && type != OscLexer.IDENT && isKeyword(type, vocabulary)) {
                continue; // `a name` already covers every soft keyword
            }
            String literal = vocabulary.getLiteralName(type);
            names.add(literal != null
                    ? "`" + literal.substring(1, literal.length() - 1) + "`"
                    : DESCRIPTIONS.getOrDefault(type, vocabulary.getDisplayName(type).toLowerCase()));
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() == 2) {
            return names.get(0) + " or " + names.get(1);
        }
        if (names.size() > MAX_LISTED) {
            return "one of " + String.join(", ", names.subList(0, MAX_LISTED)) + ", ...";
        }
        return "one of " + String.join(", ", names);
    }

    private static boolean isKeyword(int type, Vocabulary vocabulary) {
        String literal = vocabulary.getLiteralName(type);
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    private Span at(Token token) {
        int length = token.getType() == Token.EOF ? 1 : token.getStopIndex() - token.getStartIndex() + 1;
        return new Span(source, Math.max(1, token.getLine()), token.getCharPositionInLine() + 1, length);
    }

    private Span after(Token token) {
        return new Span(source, token.getLine(), token.getCharPositionInLine() + token.getText().length() + 1, 1);
    }
}
