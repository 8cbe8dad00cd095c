using BenchmarkDotNet.Attributes;
using NodaTime;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Records.Wire;
using Payouts.Domain.Signing;

namespace Payouts.Benchmarks.Ingestion;

/// <summary>
/// A full 1000-record batch as it arrives: envelope parse, then every record read and validated (the sender id is
/// hashed, instants parsed, every rule checked). Signature verification over the same body is shown for scale.
/// </summary>
[MemoryDiagnoser]
public class EnvelopeBenchmarks
{
    private const int Records = 1_000;
    private const string Secret = "tiklive-secret-0000000000000000000000";
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 0);

    private readonly RecordReadContext _giftContext = new(BenchData.Partner, BenchData.SenderHasher, Now);
    private readonly RecordReadContext _dealContext = new("brandhub", BenchData.SenderHasher, Now);
    private byte[] _gifts = null!;
    private byte[] _deals = null!;
    private string _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _gifts = BenchData.GiftEnvelope(Records, creators: 100);
        _deals = BenchData.DealEnvelope(Records, creators: 100);
        _signature = PayloadSignature.Create(_gifts, Secret, Now);
        using var check = IngestEnvelopeParser.Parse(_gifts, EnvelopeFormat.Json).Envelope ?? throw new InvalidOperationException("The gift batch does not parse.");
        if (check.Records.Select(r => GiftRecordReader.Read(r, _giftContext)).Count(r => r.IsValid) != Records)
        {
            throw new InvalidOperationException("The gift batch has invalid records.");
        }

        using var deals = IngestEnvelopeParser.Parse(_deals, EnvelopeFormat.Json).Envelope ?? throw new InvalidOperationException("The deal batch does not parse.");
        if (deals.Records.Select(r => DealRecordReader.Read(r, _dealContext)).Count(r => r.IsValid) != Records)
        {
            throw new InvalidOperationException("The deal batch has invalid records.");
        }
    }

    [Benchmark]
    public int ParseGiftEnvelope()
    {
        using var envelope = IngestEnvelopeParser.Parse(_gifts, EnvelopeFormat.Json).Envelope!;
        return envelope.Records.Count;
    }

    [Benchmark(Baseline = true)]
    public int ParseAndReadGifts()
    {
        using var envelope = IngestEnvelopeParser.Parse(_gifts, EnvelopeFormat.Json).Envelope!;
        var valid = 0;
        foreach (var record in envelope.Records)
        {
            valid += GiftRecordReader.Read(record, _giftContext).IsValid ? 1 : 0;
        }

        return valid;
    }

    /// <summary>Parse, read, and fingerprint every record: all the CPU work of a batch before storage.</summary>
    [Benchmark]
    public int ParseReadAndFingerprintGifts()
    {
        using var envelope = IngestEnvelopeParser.Parse(_gifts, EnvelopeFormat.Json).Envelope!;
        var hashed = 0;
        foreach (var record in envelope.Records)
        {
            if (GiftRecordReader.Read(record, _giftContext).Record is { } gift)
            {
                hashed += RecordFingerprint.Of(gift).Length;
            }
        }

        return hashed;
    }

    [Benchmark]
    public int ParseAndReadDeals()
    {
        using var envelope = IngestEnvelopeParser.Parse(_deals, EnvelopeFormat.Json).Envelope!;
        var valid = 0;
        foreach (var record in envelope.Records)
        {
            valid += DealRecordReader.Read(record, _dealContext).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark]
    public SignatureCheck VerifySignature() => PayloadSignature.Verify(_signature, _gifts, [Secret], Now, PayloadSignature.DefaultTolerance);
}
