package io.mlconnector.infor.mule;

import io.mlconnector.concur.mule.ConcurExtension;
import io.mlconnector.concur.mule.MuleExtensionModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mule.runtime.api.meta.model.ExtensionModel;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Mule application at the top of the repository (src/main/mule/concur-to-infor.xml) may only use operations,
 * parameters and children that the two extensions really declare, as Mule's loader builds their models.
 */
class MuleApplicationFlowTest {
    private static final String HEADER = "<mule xmlns='http://www.mulesoft.org/schema/mule/core'"
            + " xmlns:doc='http://www.mulesoft.org/schema/mule/documentation'"
            + " xmlns:concur='http://www.mlconnector.io/schema/mule/concur'"
            + " xmlns:infor-ion='http://www.mlconnector.io/schema/mule/infor-ion'>";
    private static List<ExtensionModel> models;

    @BeforeAll
    static void load() {
        models = List.of(MuleExtensionModels.load(ConcurExtension.class, "0.1.0"),
                MuleExtensionModels.load(InforIonExtension.class, "0.1.0"));
    }

    @Test
    void applicationFlowUsesOnlyWhatTheExtensionsDeclare() throws Exception {
        Path flow = Path.of(System.getProperty("ml.project.dir"), "src", "main", "mule", "concur-to-infor.xml");
        FlowChecker checker = new FlowChecker(models);

        List<String> problems = checker.check(parse(Files.readString(flow)));

        assertThat(problems).isEmpty();
        // two configurations, two connections, seven operations, list wrappers and their items
        assertThat(checker.checkedElements()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void unknownOperationIsReported() throws Exception {
        List<String> problems = check("<flow name='f'><concur:fetch-report config-ref='c' docId='1'/></flow>");

        assertThat(problems).singleElement().asString().contains("concur:fetch-report")
                .contains("no operation or source");
    }

    @Test
    void unknownAttributeIsReported() throws Exception {
        List<String> problems = check("<flow name='f'><infor-ion:post-message config-ref='i'"
                + " documentName='Sync.SourceSystemJournalEntry' logicalId='lid://x'/></flow>");

        assertThat(problems).singleElement().asString().contains("postMessage has no parameter 'logicalId'");
    }

    @Test
    void missingRequiredParameterIsReported() throws Exception {
        List<String> problems = check("<flow name='f'><concur:get-fis-document config-ref='c' docType='EXPENSE'/>"
                + "</flow>");

        assertThat(problems).singleElement().asString().contains("required parameter 'docId'");
    }

    @Test
    void configurationWithoutItsConnectionIsReported() throws Exception {
        List<String> problems = check("<concur:config name='c'/>");

        assertThat(problems).singleElement().asString().contains("no connection (oauth-connection)");
    }

    @Test
    void wrongChildrenOfAListParameterAreReported() throws Exception {
        List<String> problems = check("<flow name='f'><concur:confirm-posting config-ref='c' docType='EXPENSE'"
                + " fisDocumentId='F1' status='SUCCESS'><concur:posting-documents>"
                + "<concur:audit-message messageId='x' shortText='y'/>"
                + "<concur:erp-document companyId='100' documentNumber='D1' ledger='GL'/>"
                + "</concur:posting-documents></concur:confirm-posting></flow>");

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("concur:audit-message").contains("concur:erp-document");
        assertThat(problems.get(1)).contains("has no field 'ledger'");
    }

    @Test
    void connectionParameterOnTheWrongProviderIsReported() throws Exception {
        List<String> problems = check("<infor-ion:config name='i'><infor-ion:ionapi-connection"
                + " fromLogicalId='lid://a' clientSecret='s'/></infor-ion:config>");

        assertThat(problems).singleElement().asString().contains("has no parameter 'clientSecret'");
    }

    private static List<String> check(String body) throws Exception {
        return new FlowChecker(models).check(parse(HEADER + body + "</mule>"));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
