package cz.safecity.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack's mail catcher (GreenMail's HTTP API, started by {@code ./safecity up}) as the system tests read it: the
 * mails of an address with their decoded subject and plain-text body, and waiting for one to arrive (the platform's
 * outbox sends it from another thread, so the tests poll; they never move time this way).
 */
public final class MailCatcher {

    /** GreenMail's API; {@code -Dmail.api=…} for another one. */
    public static final String MAIL_API = System.getProperty("mail.api", "http://127.0.0.1:8025");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern TRANSFER_ENCODING = Pattern.compile("(?im)^Content-Transfer-Encoding:\\s*(\\S+)");

    /** A mail as read back from the catcher: decoded subject and plain-text body. */
    public record Mail(String subject, String body) {
    }

    private MailCatcher() {
    }

    /** The mails in {@code address}'s inbox, oldest first (none when the address never received one). */
    public static List<Mail> inbox(String address) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(MAIL_API + "/api/user/"
                            + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return List.of();
            }
            JsonArray a = Json.createReader(new StringReader(r.body())).readArray();
            return a.stream().map(v -> v.asJsonObject()).map(o -> new Mail(o.getString("subject", ""),
                    body(o.getString("mimeMessage", "")))).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("mail catcher not reachable at " + MAIL_API + " (./safecity up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits up to 60 s for a mail to {@code address} whose subject contains {@code subjectPart} ("" for the first mail
     * of any subject).
     */
    public static Mail awaitMail(String address, String subjectPart) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            for (Mail m : inbox(address)) {
                if (m.subject().contains(subjectPart)) {
                    return m;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no mail to " + address + " with subject containing '" + subjectPart + "' within 60 s;"
                + " inbox: " + inbox(address));
    }

    /** The decoded text of a single-part text/plain MIME message (base64, quoted-printable or 7/8 bit). */
    public static String body(String mime) {
        int split = mime.indexOf("\r\n\r\n");
        String headers = split < 0 ? mime : mime.substring(0, split);
        String raw = split < 0 ? "" : mime.substring(split + 4);
        Matcher enc = TRANSFER_ENCODING.matcher(headers);
        String encoding = enc.find() ? enc.group(1).toLowerCase(Locale.ROOT) : "7bit";
        if (encoding.equals("base64")) {
            return new String(Base64.getMimeDecoder().decode(raw), StandardCharsets.UTF_8);
        }
        if (encoding.equals("quoted-printable")) {
            return quotedPrintable(raw);
        }
        return raw;
    }

    static String quotedPrintable(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String t = s.replace("=\r\n", "").replace("=\n", "");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '=' && i + 2 < t.length()) {
                out.write(Integer.parseInt(t.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
