package cz.safecity.web.control;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Public reads ({@code GET} of a {@code @PermitAll} method answering 200) become revalidatable: the answer gets a
 * weak {@code ETag} (a hash of its bytes, unless the resource set one itself) and {@code Cache-Control: public,
 * no-cache} ({@code private, no-cache} when the request carried a token), and a request whose
 * {@code If-None-Match} names the current tag gets {@code 304 Not Modified} without a body. A client (the portal's
 * map, a proxy) thus keeps what it loaded and asks again with one cheap request. {@code no-cache} rather than a
 * {@code max-age}: an answer may change with any write, and a write must be visible at once (on another instance
 * within {@code safecity.cache.ttl}). Compression is the HTTP listener's (see scripts/payara.sh).
 *
 * <p>To hash, the entity is serialized here once with its own {@link MessageBodyWriter} and handed on as bytes.
 * Staff reads, writes, errors and streamed answers are left as they are.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class PublicReadCaching implements ContainerResponseFilter {

    @Context
    ResourceInfo resource;
    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        int status = response.getStatus();
        if (!HttpMethod.GET.equals(request.getMethod()) || (status != 200 && status != 304) || !isPublic()) {
            return;
        }
        boolean token = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        if (status == 304 || !response.hasEntity()) { // the resource evaluated the preconditions itself
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, token ? "private, no-cache" : "public, no-cache");
            return;
        }
        String tag = response.getHeaderString(HttpHeaders.ETAG);
        if (tag == null) {
            byte[] body = bytes(response);
            if (body == null) {
                return;
            }
            tag = new EntityTag(hash(body), true).toString();
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, token ? "private, no-cache" : "public, no-cache");
        response.getHeaders().putSingle(HttpHeaders.VARY, "Accept-Encoding"); // the listener may gzip the answer
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    private boolean isPublic() {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        return method.isAnnotationPresent(PermitAll.class) || (!method.isAnnotationPresent(RolesAllowed.class)
                && resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    }

    /** The entity as bytes (and set as the entity), or null for streams and files (left as they are). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] bytes(ContainerResponseContext response) throws IOException {
        Object entity = response.getEntity();
        if (entity instanceof byte[] b) {
            return b;
        }
        if (entity instanceof StreamingOutput || entity instanceof InputStream || entity instanceof File) {
            return null;
        }
        MediaType type = response.getMediaType();
        if (entity instanceof String s) {
            byte[] b = s.getBytes(charset(type));
            response.setEntity(b, response.getEntityAnnotations(), type);
            return b;
        }
        MessageBodyWriter writer = providers.getMessageBodyWriter(response.getEntityClass(),
                response.getEntityType(), response.getEntityAnnotations(), type);
        if (writer == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        writer.writeTo(entity, response.getEntityClass(), response.getEntityType(), response.getEntityAnnotations(),
                type, response.getHeaders(), out);
        byte[] b = out.toByteArray();
        response.setEntity(b, response.getEntityAnnotations(), type);
        return b;
    }

    private static java.nio.charset.Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return name == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
    }

    /** True when the If-None-Match header lists {@code tag} (weak comparison, as for GET) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || tag == null) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.trim();
        return t.startsWith("W/") ? t.substring(2) : t;
    }

    static String hash(byte[] body) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
