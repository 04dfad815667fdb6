package org.oscnet.dsl.parse;

import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.diag.Span;
import org.oscnet.dsl.grammar.OscLexer;
import org.oscnet.dsl.grammar.OscParser;

/** Parses .osc text into an {@link Ast.File}; syntax errors go to the diagnostics. */
public final class OscSyntax {
    private OscSyntax() {
    }

    /** The AST, or empty when the text has syntax errors (all of them are reported). */
    public static Optional<Ast.File> parse(SourceFile source, Diagnostics diagnostics) {
        long errorsBefore = diagnostics.errorCount();
        OscLexer lexer = new OscLexer(CharStreams.fromString(source.text(), source.displayName()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String msg,
                    RecognitionException e) {
                diagnostics.error(new Span(source, line, column + 1, 1), "unexpected character");
            }
        });
        OscParser parser = new OscParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrorStrategy(diagnostics, source));
        OscParser.OscFileContext tree = parser.oscFile();
        if (diagnostics.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        Ast.File file = new AstBuilder(source, diagnostics).build(tree);
        return diagnostics.errorCount() > errorsBefore ? Optional.empty() : Optional.of(file);
    }
}
