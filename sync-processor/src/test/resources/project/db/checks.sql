-- Target tables for the schema checks' tests, in MySQL's dialect.
CREATE TABLE item (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(100),
  price DECIMAL(10, 2),
  stock INT,
  changed_at DATETIME(6) NOT NULL
);

-- A surrogate primary key; rows are identified by the unique (warehouse, sku).
CREATE TABLE stock_level (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  warehouse VARCHAR(10) NOT NULL,
  sku INT NOT NULL,
  qty INT,
  updated_at DATETIME(6) NOT NULL,
  note VARCHAR(100) NOT NULL DEFAULT '',
  CONSTRAINT uq_stock_level UNIQUE (warehouse, sku)
);

-- Unique by an index rather than a constraint.
CREATE TABLE price_list (
  sku VARCHAR(20) NOT NULL,
  price DECIMAL(10, 2) NOT NULL,
  changed_at DATETIME(6) NOT NULL
);
CREATE UNIQUE INDEX ux_price_list_sku ON price_list (sku);

-- Columns the sync cannot fill.
CREATE TABLE audited_item (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(100),
  changed_at DATETIME(6) NOT NULL,
  created_by VARCHAR(30) NOT NULL,
  approved_by VARCHAR(30) NOT NULL
);

CREATE SCHEMA archive;
CREATE TABLE archive.item (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(100),
  changed_at DATETIME(6) NOT NULL
);

-- One column for each supported component type; defaults let a record map just one of them.
CREATE TABLE all_types (
  id BIGINT NOT NULL PRIMARY KEY,
  changed_at TIMESTAMP NOT NULL,
  v_boolean BOOLEAN NOT NULL DEFAULT FALSE,
  v_byte TINYINT NOT NULL DEFAULT 0,
  v_short SMALLINT NOT NULL DEFAULT 0,
  v_int INT NOT NULL DEFAULT 0,
  v_long BIGINT NOT NULL DEFAULT 0,
  v_float REAL NOT NULL DEFAULT 0,
  v_double DOUBLE PRECISION NOT NULL DEFAULT 0,
  v_big_decimal DECIMAL(18, 4),
  v_string VARCHAR(100),
  v_bytes VARBINARY(100),
  v_local_date DATE,
  v_local_time TIME,
  v_local_date_time TIMESTAMP,
  v_offset_date_time TIMESTAMP WITH TIME ZONE,
  v_instant TIMESTAMP WITH TIME ZONE,
  v_uuid CHAR(36),
  v_enum VARCHAR(20)
);
