package cz.safecity.stats.control;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's binary {@code COPY} format (the server neither tokenizes CSV nor runs the types' text input
 * functions; the client formats no decimal numbers), written to a {@link CopyIn} a chunk at a time. The format: a
 * signature and two zero words, then per row a 16-bit field count and per field a 32-bit length (-1 = null) and the
 * value in network byte order (text as UTF-8, date as days since 2000-01-01, float8 as IEEE 754 bits), then -1.
 */
final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long EPOCH_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int CHUNK = 1 << 16;

    private final CopyIn out;
    private byte[] buf = new byte[CHUNK + 8192];
    private int len;

    /** Starts the stream (the header) on a COPY begun with {@code (format binary)}. */
    BinaryCopy(CopyIn out) {
        this.out = out;
        System.arraycopy(SIGNATURE, 0, buf, 0, SIGNATURE.length);
        len = SIGNATURE.length + 8; // flags and header extension length: zero
    }

    /** Starts a row of {@code fields} fields; sends the chunk before it when the chunk is full. */
    BinaryCopy row(int fields) throws SQLException {
        if (len >= CHUNK) {
            flush();
        }
        room(2);
        buf[len++] = (byte) (fields >>> 8);
        buf[len++] = (byte) fields;
        return this;
    }

    BinaryCopy text(String v) {
        if (v == null) {
            return nullField();
        }
        int n = v.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = v.charAt(i) < 0x80;
        }
        if (!ascii) {
            return bytes(v.getBytes(StandardCharsets.UTF_8));
        }
        room(4 + n);
        int32(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) v.charAt(i);
        }
        return this;
    }

    /** A text value already encoded as UTF-8. */
    BinaryCopy bytes(byte[] utf8) {
        room(4 + utf8.length);
        int32(utf8.length);
        System.arraycopy(utf8, 0, buf, len, utf8.length);
        len += utf8.length;
        return this;
    }

    BinaryCopy date(LocalDate v) {
        room(8);
        int32(4);
        int32((int) (v.toEpochDay() - EPOCH_2000));
        return this;
    }

    BinaryCopy float8(Double v) {
        if (v == null) {
            return nullField();
        }
        room(12);
        int32(8);
        int64(Double.doubleToLongBits(v));
        return this;
    }

    BinaryCopy bool(boolean v) {
        room(5);
        int32(1);
        buf[len++] = (byte) (v ? 1 : 0);
        return this;
    }

    BinaryCopy int8(long v) {
        room(12);
        int32(8);
        int64(v);
        return this;
    }

    BinaryCopy nullField() {
        room(4);
        int32(-1);
        return this;
    }

    /** Writes the trailer, sends the rest and ends the COPY; answers the rows the server took. */
    long end() throws SQLException {
        room(2);
        buf[len++] = (byte) 0xFF;
        buf[len++] = (byte) 0xFF;
        flush();
        return out.endCopy();
    }

    private void flush() throws SQLException {
        out.writeToCopy(buf, 0, len);
        len = 0;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void int32(int v) {
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }
}
