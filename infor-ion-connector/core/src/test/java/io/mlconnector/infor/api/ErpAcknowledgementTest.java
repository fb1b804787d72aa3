package io.mlconnector.infor.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the ERP's answer: accepted or rejected with its reason, which BOD it answers. */
class ErpAcknowledgementTest {
    private static final String ORIGINAL = "infor-nid:T:100::concur-d1-ap-1-of-1:0?SupplierInvoice&amp;verb=Process";

    @Test
    void anAcceptedAcknowledgeNamesTheOriginalBodIdFirst() {
        ErpAcknowledgement answer = read("<AcknowledgeSupplierInvoice xmlns=\"http://schema.infor.com/InforOAGIS/2\">"
                + "<ApplicationArea><BODID>" + ORIGINAL.replace("Process", "Acknowledge") + "</BODID></ApplicationArea>"
                + "<DataArea><Acknowledge><OriginalApplicationArea><BODID>" + ORIGINAL + "</BODID>"
                + "</OriginalApplicationArea><ResponseCriteria><ResponseExpression actionCode=\"Accepted\"/>"
                + "</ResponseCriteria></Acknowledge><SupplierInvoice><SupplierInvoiceHeader><DocumentID><ID>concur-d1-ap-1-of-1"
                + "</ID></DocumentID></SupplierInvoiceHeader></SupplierInvoice></DataArea></AcknowledgeSupplierInvoice>");

        assertThat(answer.outcome()).isEqualTo(ErpAcknowledgement.Outcome.ACCEPTED);
        assertThat(answer.noun()).isEqualTo("SupplierInvoice");
        assertThat(answer.references()).containsExactly(ORIGINAL.replace("&amp;", "&"),
                ORIGINAL.replace("&amp;", "&").replace("Process", "Acknowledge"), "concur-d1-ap-1-of-1");
    }

    @Test
    void aRejectedAcknowledgeCarriesTheErpsReason() {
        ErpAcknowledgement answer = read("<AcknowledgeSupplierInvoice><DataArea><Acknowledge><OriginalApplicationArea>"
                + "<BODID>b-0</BODID></OriginalApplicationArea><ResponseCriteria><ResponseExpression actionCode=\"Rejected\"/>"
                + "<ChangeStatus><ReasonCode>PERIOD_CLOSED</ReasonCode><Reason>Period 2026-11 is closed</Reason>"
                + "</ChangeStatus></ResponseCriteria></Acknowledge></DataArea></AcknowledgeSupplierInvoice>");

        assertThat(answer.outcome()).isEqualTo(ErpAcknowledgement.Outcome.REJECTED);
        assertThat(answer.describeReason()).isEqualTo("PERIOD_CLOSED: Period 2026-11 is closed");
    }

    @Test
    void aConfirmBodWithAFailureMessageIsARejection() {
        ErpAcknowledgement answer = read("<ConfirmBOD><DataArea><Confirm><OriginalApplicationArea><BODID>b-0</BODID>"
                + "</OriginalApplicationArea></Confirm><BOD><BODFailureMessage><ErrorProcessMessage><Description>Supplier "
                + "blocked</Description><ReasonCode>SB</ReasonCode></ErrorProcessMessage></BODFailureMessage></BOD>"
                + "</DataArea></ConfirmBOD>");

        assertThat(answer.outcome()).isEqualTo(ErpAcknowledgement.Outcome.REJECTED);
        assertThat(answer.references()).containsExactly("b-0");
        assertThat(answer.describeReason()).isEqualTo("SB: Supplier blocked");
    }

    @Test
    void otherDocumentsAnswersWithoutAReferenceAndEntitiesAreRefused() {
        assertThatThrownBy(() -> read("<SyncSupplierInvoice/>")).isInstanceOf(InforIonException.class)
                .extracting(e -> ((InforIonException) e).type()).isEqualTo(InforIonErrorType.INVALID_MESSAGE);
        assertThatThrownBy(() -> read("<AcknowledgeSupplierInvoice><DataArea/></AcknowledgeSupplierInvoice>"))
                .hasMessageContaining("names no original BODID");
        assertThatThrownBy(() -> read("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ConfirmBOD>&e;</ConfirmBOD>"))
                .hasMessageContaining("not well-formed");
    }

    private static ErpAcknowledgement read(String xml) {
        return ErpAcknowledgement.read(xml.getBytes(StandardCharsets.UTF_8));
    }
}
