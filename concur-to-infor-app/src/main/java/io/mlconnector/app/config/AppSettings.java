package io.mlconnector.app.config;

import io.mlconnector.app.http.ListenerSettings;

import java.nio.file.Path;

/**
 * Every setting of the app, parsed and validated once, when {@link AppConfig#load} reads the configuration. The
 * pipeline, the admin server and the commands receive these records, never key names or value strings: a value that
 * cannot work stops start-up naming its key, not the first event that needs it.
 *
 * @param webhook           the webhook Concur delivers to ({@code webhook.*})
 * @param admin             the admin API and console ({@code admin.*})
 * @param imsListener       the port the inbound IMS endpoint listens on ({@code ims.host}, {@code ims.port})
 * @param httpWorkerThreads threads that run the listeners' blocking work ({@code http.worker-threads})
 * @param database          {@code database.*}
 * @param worker            the inbox workers ({@code worker.*})
 * @param concur            {@code concur.*}
 * @param infor             {@code infor.*} without the ERP's answers
 * @param erpAnswers        {@code infor.confirm-after.*}, {@code infor.erp-answer-timeout} and {@code ims.*}
 * @param quarantine        {@code quarantine.*} and {@code retention.*}
 * @param mappingFile       the customer's mapping ({@code mapping.file})
 * @param logging           {@code logging.*}
 * @param sandboxPorts      where {@code sandbox} starts the simulators ({@code sandbox.*})
 */
public record AppSettings(WebhookSettings webhook, AdminSettings admin, ListenerSettings imsListener,
                          int httpWorkerThreads, DatabaseSettings database, WorkerSettings worker,
                          ConcurSettings concur, InforSettings infor, ErpAnswerSettings erpAnswers,
                          QuarantineSettings quarantine, Path mappingFile, LoggingSettings logging,
                          SandboxPorts sandboxPorts) {
}
