package cz.safecity.districts.control;

import cz.safecity.platform.problem.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps an upload and fails with a 413 problem ({@code payload-too-large}) as soon as more than {@code maxBytes}
 * were read, so an oversized body is refused without being buffered.
 */
public final class UploadLimit extends FilterInputStream {

    private final long maxBytes;
    private long read;
    private boolean exceeded;

    private UploadLimit(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    /**
     * @param declaredLength the request's Content-Length, or -1 when unknown
     * @throws ProblemException 413 when {@code declaredLength} already exceeds {@code maxBytes}
     */
    public static UploadLimit of(InputStream in, long maxBytes, long declaredLength) {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return new UploadLimit(in, maxBytes);
    }

    /** 413 problem naming the limit in megabytes. */
    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "payload-too-large", "Upload too large",
                "body: the upload exceeds " + (maxBytes / (1024 * 1024)) + " MB", "body");
    }

    /** Throws the 413 problem if {@code e} (or a cause) came from an exceeded limit. */
    static void rethrowIfExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p && p.status() == 413) {
                throw p;
            }
            if (t instanceof LimitExceeded l) {
                throw tooLarge(l.maxBytes);
            }
        }
    }

    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > maxBytes) {
            exceeded = true;
            throw new LimitExceeded(maxBytes);
        }
    }

    /** Signals the limit through readers that only propagate IOExceptions. */
    static final class LimitExceeded extends IOException {
        final long maxBytes;

        LimitExceeded(long maxBytes) {
            super("upload exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }
}
