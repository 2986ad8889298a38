package cz.safecity.web.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * JSON of Keycloak's (Jackson-annotated) representations for the admin client's Jersey client: unknown
 * properties are ignored (the server may be newer than the client), nulls are not sent. Registered on that
 * client only — deliberately not a {@code @Provider}, so that the application's own endpoints keep JSON-B.
 * Plain strings, streams, forms and {@code Response}s are left to Jersey's built-in providers (the admin API
 * sends e.g. a user id as a raw string body).
 */
final class KeycloakJson implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static boolean handles(Class<?> type, MediaType mediaType) {
        if (mediaType == null || !(MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType)
                || mediaType.getSubtype().endsWith("+json"))) {
            return false;
        }
        return !(type == String.class || type == byte[].class || type == char[].class || type.isPrimitive()
                || CharSequence.class.isAssignableFrom(type) || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type) || type.getName().startsWith("jakarta.ws.rs.")
                || type.getName().startsWith("java.io."));
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type, mediaType);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream)
            throws java.io.IOException {
        return MAPPER.readValue(entityStream, MAPPER.constructType(genericType != null ? genericType : type));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type, mediaType);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws java.io.IOException {
        MAPPER.writeValue(entityStream, value);
    }
}
