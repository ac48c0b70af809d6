// Serilog's bootstrap logger is process-wide, and the machine has two cores: run the app fixtures one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
