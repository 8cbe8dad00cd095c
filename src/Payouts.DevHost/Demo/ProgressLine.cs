namespace Payouts.DevHost.Demo;

/// <summary>A one-line progress bar on a terminal; on a redirected output, a line now and then.</summary>
public sealed class ProgressLine(TextWriter output, string label, int total, bool interactive)
{
    private const int Width = 24;
    private int _lastPrinted = -1;

    public void Report(int done, string detail)
    {
        done = Math.Clamp(done, 0, Math.Max(total, 1));
        var filled = total == 0 ? Width : done * Width / total;
        var line = $"  {label,-18} [{new string('#', filled)}{new string('.', Width - filled)}] {done,3}/{total,-3} {detail}";
        if (interactive)
        {
            output.Write("\r" + line.PadRight(110));
        }
        else if (done == total || done * 4 / Math.Max(total, 1) != _lastPrinted)
        {
            _lastPrinted = done * 4 / Math.Max(total, 1);
            output.WriteLine(line);
        }
    }

    public void Done(string detail)
    {
        if (interactive)
        {
            Report(total, detail);
            output.WriteLine();
        }
        else
        {
            output.WriteLine($"  {label,-18} done: {detail}");
        }
    }
}
