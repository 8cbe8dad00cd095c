using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Payouts.Benchmarks -- --filter '*'` (add `--job short` for a quick pass).
BenchmarkSwitcher.FromAssembly(typeof(Payouts.Benchmarks.BenchData).Assembly).Run(args);
