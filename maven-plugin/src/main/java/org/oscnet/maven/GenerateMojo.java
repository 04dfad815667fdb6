package org.oscnet.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code oscnet:generate}: checks and compiles every {@code .osc} file under
 * {@code src/main/osc}. Trained parameters are build inputs, like a lock file:
 * {@code <name>.trained/<network>/trained.json} beside the source is used when it records the
 * content hash of the {@code .osc} file and its data as they are now; otherwise the network is
 * trained and the file written back. Generated Java models become a source root.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Where the {@code .osc} files are; every {@code **}{@code /*.osc} below it is built. */
    @Parameter(property = "oscnet.sourceDirectory", defaultValue = "${project.basedir}/src/main/osc")
    File sourceDirectory;

    /** Verilog, testbenches, DAC tables, SPICE netlists and plots, in {@code <network>/} folders. */
    @Parameter(property = "oscnet.outputDirectory", defaultValue = "${project.build.directory}/oscnet")
    File outputDirectory;

    /** The generated bit-exact Java models, added to the compile source roots. */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/oscnet")
    File generatedSourcesDirectory;

    /** Train every network again even when its {@code trained.json} is current. */
    @Parameter(property = "oscnet.retrain", defaultValue = "false")
    boolean retrain;

    /**
     * Whether the build may train. With {@code false} (for CI, where training would hide a
     * forgotten commit) a missing or stale {@code trained.json} fails the build.
     */
    @Parameter(property = "oscnet.train", defaultValue = "true")
    boolean train;

    /** Skip the goal altogether. */
    @Parameter(property = "oscnet.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("oscnet: skipped (oscnet.skip)");
            return;
        }
        System.setProperty("java.awt.headless", "true");
        BuildLayout layout = new BuildLayout(project.getBasedir().toPath(), sourceDirectory.toPath(),
                outputDirectory.toPath(), generatedSourcesDirectory.toPath());
        try {
            List<Path> files = layout.oscFiles();
            if (files.isEmpty()) {
                getLog().info("oscnet: no .osc files under " + layout.shown(layout.sources()));
                return;
            }
            OscGeneration generation = new OscGeneration(layout, getLog(), retrain, train);
            Map<String, Path> owners = new HashMap<>();
            for (Path file : files) {
                for (String network : generation.generate(file)) {
                    Path other = owners.putIfAbsent(network, file);
                    if (other != null) {
                        throw new MojoFailureException("network `" + network + "` is defined in both "
                                + layout.shown(other) + " and " + layout.shown(file) + "; their outputs would"
                                + " share " + layout.shown(layout.outputs().resolve(network)) + ": rename one");
                    }
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("oscnet: " + e.getMessage(), e);
        }
        project.addCompileSourceRoot(generatedSourcesDirectory.getPath());
    }
}
