// Every test collection uses the same database, vhost and SMTP sink: collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
