using Payouts.Load;

if (LoadOptions.TryParse(args, out var problem) is not { } options)
{
    await Console.Error.WriteLineAsync(problem + "\n" + LoadOptions.Usage);
    return 2;
}

return await LoadRun.RunAsync(options, CancellationToken.None);
