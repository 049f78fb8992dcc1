-- One database per service: each service owns its data and its Flyway migrations.
CREATE DATABASE capture;
CREATE DATABASE scoring;
CREATE DATABASE routing;
CREATE DATABASE attribution;
CREATE DATABASE reporting;
