-- Token state per principal (notes §1.4): the latest refresh token, its absolute expiry and the geolocation.
CREATE TABLE concur_token_state (
    token_key          VARCHAR(200)  NOT NULL PRIMARY KEY,
    refresh_token      VARCHAR(4000) NOT NULL,
    refresh_expires_at TIMESTAMP WITH TIME ZONE,
    geolocation        VARCHAR(500)  NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
