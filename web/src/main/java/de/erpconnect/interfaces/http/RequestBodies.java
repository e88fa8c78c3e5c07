package de.erpconnect.interfaces.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a request body with a hard size limit and insists on well-formed UTF-8. */
public final class RequestBodies {

    private static final int INITIAL_BUFFER = 512;

    private RequestBodies() {}

    /**
     * The whole body, at most {@code maxBytes} (413 beyond). The buffer starts small and grows as
     * the body does: token requests are a few hundred bytes.
     */
    public static byte[] readLimited(InputStream in, int maxBytes) {
        try {
            byte[] buffer = new byte[(int) Math.min(INITIAL_BUFFER, maxBytes + 1L)];
            int total = 0;
            while (true) {
                if (total == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, maxBytes + 1L));
                }
                int n = in.read(buffer, total, buffer.length - total);
                if (n < 0) {
                    return total == buffer.length ? buffer : Arrays.copyOf(buffer, total);
                }
                total += n;
                if (total > maxBytes) {
                    throw new BadRequestBodyException(413, "The request body is larger than " + maxBytes + " bytes.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestBodyException(400, "The request body is not valid UTF-8.");
        }
    }
}
