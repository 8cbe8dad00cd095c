namespace Payouts.Functions.Http;

/// <summary>Reads a request body while counting, so a body longer than allowed is refused without being held whole.</summary>
public static class BoundedBody
{
    /// <summary>
    /// At most <paramref name="maxBytes"/>; null as soon as the body turns out longer (the length header can lie or be
    /// absent). A stated length within the bound sizes the buffer once.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream body, int maxBytes, CancellationToken ct, long? statedLength = null)
    {
        using var buffer = new MemoryStream(statedLength is > 0 and var n && n <= maxBytes ? (int)n : 0);
        var chunk = new byte[Math.Min(81920, maxBytes + 1)];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
