package io.mlconnector.infor.internal;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A multipart/form-data body (RFC 7578) of named parts, sent without copying the payload into a new array. IMS v3
 * expects exactly the parts ParameterRequest and MessagePayload
 * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html).
 */
public final class MultipartForm {
    private final String boundary = "mlc-" + UUID.randomUUID().toString().replace("-", "");
    private final List<byte[]> chunks = new ArrayList<>();
    private long length;

    public MultipartForm part(String name, String contentType, byte[] content) {
        add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: "
                + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        add(content);
        add("\r\n".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<byte[]> all = new ArrayList<>(chunks);
        all.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.BodyPublishers.ofByteArrays(all);
    }

    public long length() {
        return length + boundary.length() + 6;
    }

    private void add(byte[] bytes) {
        chunks.add(bytes);
        length += bytes.length;
    }
}
