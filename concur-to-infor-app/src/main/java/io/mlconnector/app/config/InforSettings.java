package io.mlconnector.app.config;

import java.nio.file.Path;

/**
 * The Infor side of the configuration.
 *
 * @param ionapiFile        the .ionapi credentials file (its secrets stay in the file)
 * @param fromLogicalId     the IMS connection point's logical id (ION answers 403 if it differs)
 * @param toLogicalId       the receiving logical id ({@code lid://default}: route per the data flow)
 * @param postingMode       BOD or M3_REST
 * @param maxMessageBytes   a chunk's message stays under this many bytes (ION's limit)
 * @param maxLinesPerChunk  a chunk has at most this many lines
 * @param validationSource where GL accounts and cost centers are checked: M3 CRS630MI or a CSV snapshot
 * @param chartOfAccountsCsv the CSV snapshot ({@code accountingEntity,type,code,name}); null unless configured
 * @param rateLimit         API Gateway calls per minute, shared by every instance on the database; 0 = unpaced
 */
public record InforSettings(Path ionapiFile, String fromLogicalId, String toLogicalId, PostingMode postingMode,
                            long maxMessageBytes, int maxLinesPerChunk, ValidationSource validationSource,
                            Path chartOfAccountsCsv, int rateLimit) {
}
