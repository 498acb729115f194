package org.socialbank.security.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socialbank.support.QrDecoding;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class QrCodesUnitTests {

    static final String URI =
            OtpAuthUri.of("socialbank", "Иван Петров", TotpSecret.random()).value();

    @Test
    void isASquareWellFormedSvgWithOnePathAndALabel() throws Exception {
        Element svg =
                parse(QrCodes.svg(URI, "Scan with your authenticator app")).getDocumentElement();
        assertThat(svg.getTagName()).isEqualTo("svg");
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(svg.getAttribute("aria-label")).isEqualTo("Scan with your authenticator app");
        assertThat(svg.getAttribute("width")).isEqualTo(svg.getAttribute("height"));
        String[] viewBox = svg.getAttribute("viewBox").split(" ");
        assertThat(viewBox[0] + viewBox[1]).isEqualTo("00");
        assertThat(viewBox[2]).isEqualTo(viewBox[3]);
        int modules = Integer.parseInt(viewBox[2]) - 2 * QrCodes.QUIET_ZONE_MODULES;
        assertThat((modules - 21) % 4).as("a QR code is 21 + 4k modules wide").isZero();
        assertThat(svg.getElementsByTagName("path").getLength()).isOne();
    }

    @Test
    void startsWithTheTopLeftFinderPatternInsideTheQuietZone() {
        String d = path(QrCodes.svg("hello"));
        String q = String.valueOf(QrCodes.QUIET_ZONE_MODULES);
        assertThat(d).startsWith("M" + q + " " + q + "h7v1h-7z");
    }

    @Test
    void decodesBackToTheText() throws Exception {
        assertThat(decode(QrCodes.svg(URI))).isEqualTo(URI);
        assertThat(decode(QrCodes.svg("Платёж подтверждён ✓"))).isEqualTo("Платёж подтверждён ✓");
    }

    @Test
    void escapesTheLabelAndNeverSaysTheText() throws Exception {
        String svg = QrCodes.svg(URI, "Alice's \"code\" <&>\u0007");
        assertThat(parse(svg).getDocumentElement().getAttribute("aria-label")).isEqualTo("Alice's \"code\" <&> ");
        assertThat(svg).doesNotContain("secret", "otpauth");
    }

    @Test
    void refusesTextThatCannotFit() {
        assertThatThrownBy(() -> QrCodes.svg("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.svg("x".repeat(QrCodes.TEXT_LENGTH_MAX + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.svg("Ж".repeat(QrCodes.TEXT_LENGTH_MAX)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Document parse(String svg) throws Exception {
        return QrDecoding.parse(svg);
    }

    private static String path(String svg) {
        return QrDecoding.path(svg);
    }

    private static String decode(String svg) throws Exception {
        return QrDecoding.decode(svg);
    }
}
