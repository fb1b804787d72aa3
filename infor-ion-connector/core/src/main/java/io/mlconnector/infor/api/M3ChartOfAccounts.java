package io.mlconnector.infor.api;

import io.mlconnector.infor.internal.GatewayClient.Retry;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code CRS630MI/GetAccountID}: a record means the identity exists; an M3 error message means it does not. */
final class M3ChartOfAccounts implements ChartOfAccountsSource {
    private final M3Operations m3;

    M3ChartOfAccounts(InforIonConnection connection) {
        this.m3 = new M3Operations(connection);
    }

    @Override
    public boolean exists(String accountingEntity, AccountCode code) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("DIVI", accountingEntity);
        in.put("AITP", Integer.toString(code.type().m3Dimension()));
        in.put("AITM", code.code());
        try {
            return !m3.execute("CRS630MI", "GetAccountID", in, Retry.TRANSIENT).isEmpty();
        } catch (InforIonException e) {
            if (e.type() == InforIonErrorType.M3_ERROR) {
                return false; // "Identity … does not exist" (or the division does not): unknown either way
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return "M3 CRS630MI";
    }
}
