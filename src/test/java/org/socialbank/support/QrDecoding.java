package org.socialbank.support;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.socialbank.security.otp.QrCodes;
import org.w3c.dom.Document;

/** Reads a QR code drawn by {@link QrCodes} back into its text, with ZXing's own decoder. */
public final class QrDecoding {

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");
    private static final Pattern SVG = Pattern.compile("<svg[^>]*>.*?</svg>", Pattern.DOTALL);
    private static final Pattern PATH = Pattern.compile(" d=\"([^\"]*)\"");

    private QrDecoding() {}

    /** The first {@code <svg>...</svg>} of a page after the given marker (e.g. an element's id). */
    public static String svgAfter(String html, String marker) {
        int at = html.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no " + marker + " on the page");
        }
        Matcher svg = SVG.matcher(html);
        if (!svg.find(at)) {
            throw new AssertionError("no svg after " + marker);
        }
        return svg.group();
    }

    /** Reads the runs of the path back into modules and decodes them. */
    public static String decode(String svg) throws Exception {
        String[] viewBox =
                parse(svg).getDocumentElement().getAttribute("viewBox").split(" ");
        int q = QrCodes.QUIET_ZONE_MODULES;
        BitMatrix modules = new BitMatrix(Integer.parseInt(viewBox[2]) - 2 * q);
        Matcher run = RUN.matcher(path(svg));
        while (run.find()) {
            int x = Integer.parseInt(run.group(1)) - q;
            int y = Integer.parseInt(run.group(2)) - q;
            modules.setRegion(x, y, Integer.parseInt(run.group(3)), 1);
        }
        return new Decoder().decode(modules).getText();
    }

    public static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    public static String path(String svg) {
        Matcher d = PATH.matcher(svg);
        if (!d.find()) {
            throw new AssertionError("no path in the svg");
        }
        return d.group(1);
    }
}
