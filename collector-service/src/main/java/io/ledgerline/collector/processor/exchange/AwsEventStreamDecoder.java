package io.ledgerline.collector.processor.exchange;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Decodes the binary {@code application/vnd.amazon.eventstream} framing used by Bedrock streaming APIs. Each frame:
 * total length (4 bytes), headers length (4), CRC32 of those 8 bytes (4), headers, payload, CRC32 of everything
 * before it (4). All integers are big-endian.
 */
final class AwsEventStreamDecoder {
    private static final int PRELUDE_BYTES = 12;
    private static final int MESSAGE_CRC_BYTES = 4;

    record Frame(Map<String, String> headers, byte[] payload) {
    }

    /**
     * The decoded frames. A frame that is truncated or fails its checksum ends decoding: a stream that was cut off
     * (client gone, proxy timeout) is still a real exchange, and the frames before the damage are kept.
     */
    record Result(List<Frame> frames, String problem) {
    }

    private AwsEventStreamDecoder() {
    }

    static Result decode(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.remaining() > 0) {
            int start = buffer.position();
            if (buffer.remaining() < PRELUDE_BYTES + MESSAGE_CRC_BYTES) {
                return new Result(frames, "truncated frame at byte " + start);
            }
            int totalLength = buffer.getInt();
            int headersLength = buffer.getInt();
            long preludeCrc = Integer.toUnsignedLong(buffer.getInt());
            if (crc(bytes, start, 8) != preludeCrc) {
                return new Result(frames, "prelude checksum mismatch at byte " + start);
            }
            int payloadLength = totalLength - headersLength - PRELUDE_BYTES - MESSAGE_CRC_BYTES;
            if (totalLength > bytes.length - start || headersLength < 0 || payloadLength < 0) {
                return new Result(frames, "truncated frame at byte " + start);
            }
            long messageCrc = Integer.toUnsignedLong(ByteBuffer.wrap(bytes, start + totalLength - 4, 4).getInt());
            if (crc(bytes, start, totalLength - MESSAGE_CRC_BYTES) != messageCrc) {
                return new Result(frames, "message checksum mismatch at byte " + start);
            }
            Map<String, String> headers;
            try {
                headers = readHeaders(buffer, buffer.position() + headersLength);
            } catch (RuntimeException e) {
                return new Result(frames, "unreadable headers at byte " + start);
            }
            byte[] payload = new byte[payloadLength];
            buffer.get(payload);
            buffer.position(start + totalLength);
            frames.add(new Frame(headers, payload));
        }
        return new Result(frames, null);
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    // Header value types from the AWS event stream specification; only strings matter to us, the rest are skipped.
    private static Map<String, String> readHeaders(ByteBuffer buffer, int end) {
        Map<String, String> headers = new LinkedHashMap<>();
        while (buffer.position() < end) {
            byte[] name = new byte[buffer.get() & 0xFF];
            buffer.get(name);
            int type = buffer.get();
            String value = switch (type) {
                case 0 -> "true";
                case 1 -> "false";
                case 2 -> Byte.toString(buffer.get());
                case 3 -> Short.toString(buffer.getShort());
                case 4 -> Integer.toString(buffer.getInt());
                case 5, 8 -> Long.toString(buffer.getLong());
                case 6, 7 -> {
                    byte[] raw = new byte[buffer.getShort() & 0xFFFF];
                    buffer.get(raw);
                    yield type == 7 ? new String(raw, StandardCharsets.UTF_8) : null;
                }
                case 9 -> {
                    buffer.position(buffer.position() + 16);
                    yield null;
                }
                default -> throw new IllegalStateException("unknown header value type " + type);
            };
            if (value != null) {
                headers.put(new String(name, StandardCharsets.UTF_8), value);
            }
        }
        return headers;
    }
}
