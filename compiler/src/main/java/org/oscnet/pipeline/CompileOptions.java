package org.oscnet.pipeline;

import java.util.Optional;
import org.oscnet.device.Stno;

/**
 * What {@code compile} needs beyond the design: measured devices for calibrated DAC tables, the
 * oscnet version and the source path that generated headers name.
 */
public record CompileOptions(Optional<Stno[]> calibration, String version, String source) {
}
