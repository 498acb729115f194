package org.socialbank.assistant.model;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Adds outputs to an ONNX model's graph, so that onnxruntime returns intermediate tensors (the
 * encoder's hidden layers) beside the model's own output. An ONNX file is a protobuf
 * {@code ModelProto}; its {@code graph} (field 7) lists its outputs as {@code ValueInfoProto}
 * entries (field 12). A new output is a copy of an existing one of the same type and shape with
 * only its name changed, so no protobuf library is needed: the walker below reads tags and
 * lengths and copies every other byte as it is.
 */
final class OnnxGraph {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_OUTPUT = 12;
    private static final int VALUE_INFO_NAME = 1;
    private static final int LENGTH_DELIMITED = 2;

    private OnnxGraph() {}

    /**
     * The model with {@code added} as extra graph outputs, each typed like the existing output
     * {@code like} (the hidden layers of a BERT encoder all have its last layer's shape).
     */
    static byte[] withOutputs(byte[] model, String like, List<String> added) {
        Field graph = find(model, 0, model.length, MODEL_GRAPH);
        byte[] template = null;
        for (Field output : all(model, graph.start(), graph.end(), GRAPH_OUTPUT)) {
            if (like.equals(name(model, output))) {
                template = java.util.Arrays.copyOfRange(model, output.start(), output.end());
            }
        }
        if (template == null) {
            throw new IllegalArgumentException("the model has no output named " + like);
        }
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        for (String name : added) {
            byte[] info = renamed(template, name);
            writeTag(extra, GRAPH_OUTPUT, LENGTH_DELIMITED);
            writeVarint(extra, info.length);
            extra.writeBytes(info);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(model.length + extra.size() + 16);
        out.write(model, 0, graph.tagStart());
        writeTag(out, MODEL_GRAPH, LENGTH_DELIMITED);
        writeVarint(out, graph.end() - graph.start() + extra.size());
        out.write(model, graph.start(), graph.end() - graph.start());
        out.writeBytes(extra.toByteArray());
        out.write(model, graph.end(), model.length - graph.end());
        return out.toByteArray();
    }

    /** A length-delimited field: where its tag starts, and its payload's bounds. */
    record Field(int number, int tagStart, int start, int end) {}

    private static String name(byte[] bytes, Field valueInfo) {
        Field name = find(bytes, valueInfo.start(), valueInfo.end(), VALUE_INFO_NAME);
        return new String(bytes, name.start(), name.end() - name.start(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] renamed(byte[] valueInfo, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeTag(out, VALUE_INFO_NAME, LENGTH_DELIMITED);
        writeVarint(out, utf8.length);
        out.writeBytes(utf8);
        int at = 0;
        while (at < valueInfo.length) {
            int tagStart = at;
            long[] tag = readVarint(valueInfo, at);
            at = skip(valueInfo, (int) tag[1], (int) (tag[0] & 7));
            if ((tag[0] >>> 3) != VALUE_INFO_NAME) {
                out.write(valueInfo, tagStart, at - tagStart);
            }
        }
        return out.toByteArray();
    }

    private static Field find(byte[] bytes, int from, int to, int number) {
        List<Field> fields = all(bytes, from, to, number);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("not an ONNX model: field " + number + " is missing");
        }
        return fields.get(0);
    }

    /** Every length-delimited field {@code number} between {@code from} and {@code to}. */
    private static List<Field> all(byte[] bytes, int from, int to, int number) {
        List<Field> fields = new java.util.ArrayList<>();
        int at = from;
        while (at < to) {
            int tagStart = at;
            long[] tag = readVarint(bytes, at);
            int wire = (int) (tag[0] & 7);
            if (wire == LENGTH_DELIMITED && (tag[0] >>> 3) == number) {
                long[] length = readVarint(bytes, (int) tag[1]);
                fields.add(new Field(number, tagStart, (int) length[1], (int) (length[1] + length[0])));
            }
            at = skip(bytes, (int) tag[1], wire);
        }
        if (at != to) {
            throw new IllegalArgumentException("not an ONNX model: a field runs past its message");
        }
        return fields;
    }

    /** The position after a field's payload that starts at {@code at}. */
    private static int skip(byte[] bytes, int at, int wire) {
        return switch (wire) {
            case 0 -> (int) readVarint(bytes, at)[1];
            case 1 -> at + 8;
            case LENGTH_DELIMITED -> {
                long[] length = readVarint(bytes, at);
                yield (int) (length[1] + length[0]);
            }
            case 5 -> at + 4;
            default -> throw new IllegalArgumentException("not an ONNX model: wire type " + wire);
        };
    }

    /** {value, position after it}. */
    private static long[] readVarint(byte[] bytes, int at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= bytes.length) {
                throw new IllegalArgumentException("not an ONNX model: truncated");
            }
            byte b = bytes[at++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return new long[] {value, at};
            }
        }
        throw new IllegalArgumentException("not an ONNX model: a varint is too long");
    }

    private static void writeTag(ByteArrayOutputStream out, int number, int wire) {
        writeVarint(out, ((long) number << 3) | wire);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
