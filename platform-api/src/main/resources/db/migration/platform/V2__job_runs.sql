-- When each cluster-wide periodic job last ran (see ClusterJobs).
create table platform_job_run (
    job         varchar(100) primary key,
    last_run_at timestamp not null
);
