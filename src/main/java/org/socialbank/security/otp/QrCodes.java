package org.socialbank.security.otp;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * QR codes as inline SVG: sharp at any size, no image library, and one path that a page can
 * place and style (the light background and quiet zone are part of the image, so a dark page
 * does not break scanning).
 */
public final class QrCodes {

    /** ISO/IEC 18004 asks for four light modules around the code. */
    public static final int QUIET_ZONE_MODULES = 4;
    /** Beyond this a QR code at error correction M cannot hold the text anyway. */
    public static final int TEXT_LENGTH_MAX = 2048;

    static final int PIXELS_PER_MODULE = 5;

    private QrCodes() {}

    /** The SVG of a QR code of a text, labelled "QR code" for screen readers. */
    public static String svg(String text) {
        return svg(text, "QR code");
    }

    /**
     * The SVG of a QR code of a text, with error correction M.
     *
     * @param label what a screen reader says; never the text itself, which may be a secret
     */
    public static String svg(String text, String label) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (text.isEmpty() || text.length() > TEXT_LENGTH_MAX) {
            throw new IllegalArgumentException("text must be 1.." + TEXT_LENGTH_MAX + " characters");
        }
        ByteMatrix matrix = matrix(text);
        int size = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
        int pixels = size * PIXELS_PER_MODULE;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + pixels + "\" height=\"" + pixels + "\" role=\"img\" aria-label=\""
                + xmlEscape(label) + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path(matrix) + "\"/></svg>";
    }

    private static ByteMatrix matrix(String text) {
        // UTF-8 only when needed: it adds an ECI marker that some older readers do not understand
        Map<EncodeHintType, Object> hints = text.chars().allMatch(c -> c < 128)
                ? Map.of()
                : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code: " + e.getMessage(), e);
        }
    }

    /** One rectangle per horizontal run of dark modules, offset by the quiet zone. */
    private static String path(ByteMatrix matrix) {
        StringBuilder d = new StringBuilder(matrix.getWidth() * matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                d.append('M')
                        .append(start + QUIET_ZONE_MODULES)
                        .append(' ')
                        .append(y + QUIET_ZONE_MODULES)
                        .append('h')
                        .append(x - start)
                        .append("v1h-")
                        .append(x - start)
                        .append('z');
            }
        }
        return d.toString();
    }

    /** Escaped for an attribute; control characters, which XML 1.0 cannot hold, become spaces. */
    private static String xmlEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
