-- The pricing catalog that VINs are matched to; replaced as a whole by PUT /v1/catalog.
CREATE TABLE vin_catalog (
  catalog_id  varchar(16)  PRIMARY KEY,
  make        varchar(64)  NOT NULL,
  model       varchar(128) NOT NULL,
  model_year  integer      NOT NULL,
  trim        varchar(200) NOT NULL,
  body_style  varchar(64)  NOT NULL,
  engine      varchar(128),
  fuel        varchar(32)  NOT NULL,
  msrp_usd    integer      NOT NULL,
  risk_class  integer      NOT NULL
);
CREATE INDEX vin_catalog_make_year ON vin_catalog (make, model_year);
