using Payouts.DevHost;

return await DevHostCommand.RunAsync(args);
