package io.mlconnector.infor.api;

/**
 * ION accepted a message. Acceptance (HTTP 2xx, normally 202) does not mean the ERP posted it
 * (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html).
 *
 * @param messageId    the messageId sent (deterministic per document and variation)
 * @param documentName {@code <Verb>.<Noun>}
 * @param bodId        the BODID of the payload, or null for raw payloads
 * @param httpStatus   the 2xx status ION answered
 * @param payloadBytes the size of the posted payload
 */
public record PostResult(String messageId, String documentName, String bodId, int httpStatus, long payloadBytes) {
}
