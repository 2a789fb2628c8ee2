-- One database per service, as in Kubernetes (deploy/k8s/base/postgres.yaml). Runs once, when
-- the PostgreSQL volume is new.
CREATE DATABASE vin_matching;
CREATE DATABASE claims_agent;
CREATE DATABASE text2data;
CREATE DATABASE phone_agent;
