package org.socialbank.ledger.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The lightest HTTP/1.1 client that keeps a connection alive: written bytes out, status and body
 * in, a new connection when the server closed the last one. For {@link TransferCpuIntegrationTests},
 * whose client shares the server's JVM and must cost it as little as wrk would.
 */
final class RawHttp implements AutoCloseable {

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean closeAfter;
    private final byte[] discard = new byte[8192];

    RawHttp(int port) {
        this.port = port;
    }

    /** Sends one request (the whole message, head and body) and returns the status; the body is read and dropped. */
    int exchange(byte[] request) throws IOException {
        if (socket == null || closeAfter) {
            connect();
        }
        out.write(request);
        out.flush();
        String head = head();
        int status = Integer.parseInt(head.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        closeAfter = false;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            readChunks();
        } else if (length > 0) {
            skip(length);
        }
        return status;
    }

    private void connect() throws IOException {
        close();
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
        closeAfter = false;
    }

    private String head() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection in the middle of an answer");
            }
            bytes.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private void readChunks() throws IOException {
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return;
            }
            skip(n);
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            int read = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (read < 0) {
                throw new IOException("the server closed the connection in the middle of a body");
            }
            left -= read;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
