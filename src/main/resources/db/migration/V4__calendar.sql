-- calendar: the official holiday arrangement of each loaded year (国务院办公厅 notices).
-- (YEAR and DAY are reserved words in H2, hence year_no and day_date.)
CREATE TABLE cal_year (
    year_no     INT PRIMARY KEY,
    source      VARCHAR(500) NOT NULL,
    notice_date DATE,
    loaded_by   VARCHAR(50)  NOT NULL,
    loaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cal_day (
    day_date DATE PRIMARY KEY,
    year_no  INT         NOT NULL REFERENCES cal_year (year_no),
    kind     VARCHAR(20) NOT NULL,
    name     VARCHAR(50)
);
CREATE INDEX cal_day_year_idx ON cal_day (year_no);
