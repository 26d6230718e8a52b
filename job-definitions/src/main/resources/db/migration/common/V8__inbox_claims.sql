-- Which process is starting which nightly inbox file right now (job_id is the file's name-based job id).
-- A sweep takes the claim before it creates the file's job and gives it back after, so two sweeps never
-- start one file twice, and a job instance left without a run is removed only by the sweep that took over
-- the claim of a process that is gone.
create table inbox_claims (
  job_id             varchar(36)  not null primary key,
  host               varchar(255) not null,
  pid                bigint       not null,
  process_started_at timestamp,
  claimed_at         timestamp    not null
);
