package io.mlconnector.infor.internal;

import io.mlconnector.infor.api.BodVerb;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What every BOD of this connector shares: tenant, sender, verb, noun and the identifiers of the BODID.
 *
 * @param tenant           {@code TenantID} and the tenant part of the BODID
 * @param senderLogicalId  {@code Sender/LogicalID} (the IMS connection point's lid)
 * @param componentId      {@code Sender/ComponentID}
 * @param confirmationCode {@code Sender/ConfirmationCode}
 * @param versionId        root {@code versionID}
 */
public record BodEnvelope(String tenant, String senderLogicalId, String componentId, String confirmationCode,
                          String versionId) {

    /**
     * The BODID in Infor's nid form
     * (https://docs.infor.com/ln/10.8/en-us/lnolh/help/tl/lnstudiointegration/tps1504267854022.html):
     * {@code infor-nid:<tenant>:<accountingEntity>:<location>:<documentId>:<revision>?<Noun>&verb=<Verb>&variationID=<n>}.
     * No location is used; the revision is always 0 and the variation carries the document's revision.
     */
    public static String bodId(String tenant, String accountingEntity, String documentId, String noun, BodVerb verb,
                               long variationId) {
        return "infor-nid:" + tenant + ":" + accountingEntity + "::" + documentId + ":0?" + noun + "&verb="
                + verb.element() + "&variationID=" + variationId;
    }

    void writeApplicationArea(BodXmlWriter xml, Instant created, String bodId) {
        xml.start("ApplicationArea");
        xml.start("Sender").text("LogicalID", senderLogicalId).text("ComponentID", componentId)
                .text("ConfirmationCode", confirmationCode).end();
        // CreationDateTime is the only part that differs between two builds of the same input
        xml.text("CreationDateTime", created.truncatedTo(ChronoUnit.MILLIS).toString());
        xml.text("BODID", bodId);
        xml.end();
    }

    void writeVerb(BodXmlWriter xml, BodVerb verb, String accountingEntity) {
        xml.start(verb.element()).text("TenantID", tenant).text("AccountingEntityID", accountingEntity);
        xml.start("ActionCriteria").start("ActionExpression").attr("actionCode", "Add").end().end();
        xml.end();
    }
}
