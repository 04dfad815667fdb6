package org.oscnet.emit;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * FreeMarker, configured once: templates come from the jar's {@code templates/} folder (the
 * repository's top-level {@code templates/}), a missing variable is an error, and numbers are
 * formatted the same on every machine.
 */
public final class Templates {
    private static final Configuration CONFIGURATION = configure();

    private Templates() {
    }

    private static Configuration configure() {
        Configuration config = new Configuration(Configuration.VERSION_2_3_33);
        config.setClassForTemplateLoading(Templates.class, "/templates");
        config.setDefaultEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        return config;
    }

    /** Renders {@code name} (e.g. "report/paper1.md.ftl") with {@code model}. */
    public static String render(String name, Map<String, ?> model) {
        try {
            Template template = CONFIGURATION.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
        }
    }
}
