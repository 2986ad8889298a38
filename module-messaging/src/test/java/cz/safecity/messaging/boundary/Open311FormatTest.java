package cz.safecity.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class Open311FormatTest {

    static final String TYPED = "Řeka <b>\"&\"</b> 'x'\r\nžluťoučký";

    @Test
    void xmlCarriesTheTextExactly() throws Exception {
        String xml = (String) Open311Format.list("xml", "service_requests", "request",
                List.of(new Open311Format.Rec().with("service_request_id", "7").with("description", TYPED)
                        .with("media_url", null)), 200).getEntity();
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(TYPED, d.getElementsByTagName("description").item(0).getTextContent());
        assertEquals("service_requests", d.getDocumentElement().getNodeName());
        assertEquals(1, d.getElementsByTagName("media_url").getLength());
    }

    @Test
    void errorsInTheSpecFormat() throws Exception {
        String json = (String) Open311Format.error("json", 404, "unknown jurisdiction_id x").getEntity();
        JsonArray a = Json.createReader(new StringReader(json)).readArray();
        assertEquals(404, a.getJsonObject(0).getInt("code"));
        String xml = (String) Open311Format.error("xml", 400, "bad <input>").getEntity();
        assertTrue(xml.contains("<errors><error><code>400</code><description>bad &lt;input&gt;</description>"), xml);
    }

    @Test
    void nestedListsBecomeRepeatedElements() {
        String xml = (String) Open311Format.object("xml", "discovery", new Open311Format.Rec()
                .with("endpoints", List.of(new Open311Format.Rec().with("formats", List.of("text/xml",
                        "application/json"))))).getEntity();
        assertTrue(xml.contains("<endpoints><endpoint><formats><format>text/xml</format><format>application/json"
                + "</format></formats></endpoint></endpoints>"), xml);
    }
}
