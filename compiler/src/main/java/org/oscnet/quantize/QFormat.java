package org.oscnet.quantize;

/**
 * A fixed-point number format, as hls4ml's {@code FixedPrecisionType}: {@code width} bits of
 * which {@code fraction} are after the binary point, two's complement when {@code signed}. A
 * raw value is the integer the hardware holds; its real value is {@code raw · 2^-fraction}.
 *
 * <p>This is the one definition of oscnet's fixed-point arithmetic: the quantizer's estimates,
 * the generated Java model and the Verilog all follow it. Rounding is half away from zero
 * (symmetric, so a quantized odd function stays odd); overflow either saturates or wraps, and
 * the caller says which.
 */
public record QFormat(int width, int fraction, boolean signed) {

    public QFormat {
        if (width < 1 || width > 62) {
            throw new IllegalArgumentException("width must be 1..62 bits, not " + width);
        }
        if (signed && width < 2) {
            throw new IllegalArgumentException("a signed format needs at least 2 bits");
        }
    }

    public static QFormat signed(int width, int fraction) {
        return new QFormat(width, fraction, true);
    }

    public static QFormat unsigned(int width, int fraction) {
        return new QFormat(width, fraction, false);
    }

    public long minRaw() {
        return signed ? -(1L << (width - 1)) : 0;
    }

    public long maxRaw() {
        return signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
    }

    /** The value of one least significant bit. */
    public double lsb() {
        return Math.scalb(1.0, -fraction);
    }

    public double toDouble(long raw) {
        return Math.scalb((double) raw, -fraction);
    }

    /** The nearest raw value (ties away from zero), saturated to the format's range. */
    public long quantizeSaturating(double value) {
        return saturate(roundHalfAway(Math.scalb(value, fraction)));
    }

    /** The nearest raw value (ties away from zero), wrapped modulo 2^width as hardware registers do. */
    public long quantizeWrapping(double value) {
        return wrap(roundHalfAway(Math.scalb(value, fraction)));
    }

    public long saturate(long raw) {
        return Math.max(minRaw(), Math.min(maxRaw(), raw));
    }

    /** {@code raw} reduced to the format's width: the low bits, read as two's complement when signed. */
    public long wrap(long raw) {
        long low = raw & ((1L << width) - 1);
        return signed && low > maxRaw() ? low - (1L << width) : low;
    }

    public boolean fits(long raw) {
        return raw >= minRaw() && raw <= maxRaw();
    }

    /** The smallest signed or unsigned width that holds every raw value in [min, max]. */
    public static int widthFor(long min, long max, boolean signed) {
        for (int w = signed ? 2 : 1; w <= 62; w++) {
            QFormat q = new QFormat(w, 0, signed);
            if (q.fits(min) && q.fits(max)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no width up to 62 bits holds [" + min + ", " + max + "]");
    }

    static long roundHalfAway(double scaled) {
        if (Double.isNaN(scaled)) {
            throw new IllegalArgumentException("cannot quantize NaN");
        }
        double magnitude = Math.floor(Math.abs(scaled) + 0.5);
        if (magnitude >= 0x1p62) {
            return scaled > 0 ? Long.MAX_VALUE / 2 : -(Long.MAX_VALUE / 2);
        }
        return scaled < 0 ? -(long) magnitude : (long) magnitude;
    }

    @Override
    public String toString() {
        return (signed ? "s" : "u") + width + "." + fraction;
    }
}
