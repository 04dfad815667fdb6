package org.oscnet.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.oscnet.dsl.ast.Ast;
import org.oscnet.dsl.check.Checker;
import org.oscnet.dsl.diag.Diagnostic;
import org.oscnet.dsl.diag.Diagnostics;
import org.oscnet.dsl.diag.SourceFile;
import org.oscnet.dsl.parse.OscSyntax;
import org.oscnet.model.Design;

/**
 * The front end as one call: read an .osc file, parse it, check it. The compiler's only entry
 * into this module; it receives a {@link Design} or the diagnostics that explain why not.
 */
public final class Frontend {
    private Frontend() {
    }

    /** A design when the file is free of errors; the diagnostics (warnings included) either way. */
    public record Result(Optional<Design> design, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return design.isPresent();
        }
    }

    /** Loads {@code file}; {@code shownAs} is the name diagnostics print (as the user typed it). */
    public static Result load(Path file, String shownAs) {
        Diagnostics diagnostics = new Diagnostics();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            diagnostics.fileError(shownAs, "no such file");
            return new Result(Optional.empty(), diagnostics.all());
        } catch (MalformedInputException e) {
            diagnostics.fileError(shownAs, "not a UTF-8 text file");
            return new Result(Optional.empty(), diagnostics.all());
        } catch (IOException e) {
            diagnostics.fileError(shownAs, "cannot read: " + e.getMessage());
            return new Result(Optional.empty(), diagnostics.all());
        }
        return check(new SourceFile(file, shownAs, text), diagnostics);
    }

    public static Result load(Path file) {
        return load(file, file.toString());
    }

    /** Parses and checks text already in memory (tests, editors). */
    public static Result check(SourceFile source, Diagnostics diagnostics) {
        Optional<Ast.File> ast = OscSyntax.parse(source, diagnostics);
        Optional<Design> design = ast.flatMap(file -> new Checker(diagnostics).check(file));
        return new Result(diagnostics.hasErrors() ? Optional.empty() : design, diagnostics.all());
    }
}
