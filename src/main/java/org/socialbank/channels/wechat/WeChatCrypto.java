package org.socialbank.channels.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.socialbank.shared.Digests;

/**
 * WeChat's callback signatures and message encryption ("safe mode"): SHA-1 over the sorted
 * parameters; AES-256-CBC with the key decoded from the EncodingAESKey, the IV its first 16
 * bytes and PKCS#7 padding to 32 bytes, over 16 random bytes, the XML's length (4 bytes, big
 * endian), the XML and the AppId, which must be ours.
 */
public final class WeChatCrypto {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final String appId;
    private final byte[] key;

    /** @param encodingAesKey empty when only plain mode is served (then nothing can be encrypted) */
    public WeChatCrypto(String token, String appId, String encodingAesKey) {
        this.token = token;
        this.appId = appId;
        this.key = encodingAesKey.isEmpty() ? null : Base64.getDecoder().decode(encodingAesKey + "=");
        if (key != null && key.length != 32) {
            throw new IllegalArgumentException("an EncodingAESKey decodes to 32 bytes");
        }
    }

    /** SHA-1 (hex) over the token and the parts, sorted as strings. */
    public String signature(String... parts) {
        String[] all = Arrays.copyOf(parts, parts.length + 1);
        all[parts.length] = token;
        Arrays.sort(all);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", all).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code given} is the signature of the parts; compared in constant time. */
    public boolean verify(String given, String... parts) {
        if (given == null || Arrays.stream(parts).anyMatch(p -> p == null)) {
            return false;
        }
        return Digests.equalInConstantTime(signature(parts), given.toLowerCase(java.util.Locale.ROOT));
    }

    /** The XML inside an {@code Encrypt} value, or empty when it is malformed or for another AppId. */
    public Optional<String> decrypt(String encrypted) {
        if (key == null || encrypted == null) {
            return Optional.empty();
        }
        try {
            byte[] padded =
                    cipher(Cipher.DECRYPT_MODE).doFinal(Base64.getMimeDecoder().decode(encrypted));
            int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
            if (pad < 1 || pad > BLOCK || pad > padded.length - 20) {
                return Optional.empty();
            }
            byte[] plain = Arrays.copyOf(padded, padded.length - pad);
            int length = ByteBuffer.wrap(plain, 16, 4).getInt();
            if (length < 0 || length > plain.length - 20) {
                return Optional.empty();
            }
            byte[] from = Arrays.copyOfRange(plain, 20 + length, plain.length);
            if (!MessageDigest.isEqual(from, appId.getBytes(StandardCharsets.UTF_8))) {
                return Optional.empty();
            }
            return Optional.of(new String(plain, 20, length, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Encrypts with 16 fresh random bytes in front. */
    public String encrypt(String xml) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return encrypt(random, xml);
    }

    /** Encrypts with the given 16 bytes in front (tests replay WeChat's examples with it). */
    public String encrypt(byte[] random16, String xml) {
        if (key == null) {
            throw new IllegalStateException("no EncodingAESKey: safe mode is not configured");
        }
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + body.length + app.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(length + pad)
                .put(random16, 0, 16)
                .putInt(body.length)
                .put(body)
                .put(app);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder()
                    .encodeToString(cipher(Cipher.ENCRYPT_MODE).doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cipher cipher(int mode) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
        return cipher;
    }
}
