using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Payouts.Domain.Contracts;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Domain.Records.Scope;
using Payouts.Domain.Records.Validation;
using Payouts.Storage.Configuration;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// Applies the partner's configured <see cref="PartnerScope"/> to records that passed validation, before anything is
/// stored: a record outside the scope becomes a rejected read with field errors (<c>record</c>, <c>type</c>,
/// <c>agencyCommissionRate</c>, <c>creatorId</c>), so HTTP and queue ingestion report and keep it like any invalid
/// record and store the rest of the batch. A partner id that is not configured (only a queue sender can name one: over
/// HTTP it fails authentication first) reports for nobody: each of its records is rejected on <c>partnerId</c>
/// ("unknown partner"), so a typo in a sender's partner id never lands records in an id space nobody owns.
/// </summary>
public sealed class PartnerScopeCheck<TRecord>(
    IOptionsMonitor<PayoutsOptions> options,
    CreatorContractCache contracts,
    IRecordMapping<TRecord> mapping,
    PeriodCalendar calendar,
    Action<PartnerScope, TRecord, FieldErrors> checkFields)
    where TRecord : class
{
    private const int LookupConcurrency = 8;

    /// <summary>The configured partner's scope; null when <paramref name="partnerId"/> is not a configured partner.</summary>
    public PartnerScope? ScopeOf(string partnerId) =>
        options.CurrentValue.Partners.TryGetValue(partnerId, out var partner) ? partner.ToScope() : null;

    public async Task<IReadOnlyList<RecordReadResult<TRecord>>> ApplyAsync(
        string partnerId, IReadOnlyList<RecordReadResult<TRecord>> reads, CancellationToken ct)
    {
        if (ScopeOf(partnerId) is not { } scope)
        {
            return [.. reads.Select(r => r.Record is null ? r : new RecordReadResult<TRecord>(null, r.RecordId, UnknownPartner(partnerId)))];
        }

        if (scope.IsUnrestricted)
        {
            return reads;
        }

        var agencies = await AgenciesAsync(scope, reads, ct);
        var checkedReads = new RecordReadResult<TRecord>[reads.Count];
        for (var i = 0; i < reads.Count; i++)
        {
            checkedReads[i] = reads[i].Record is { } record ? Check(scope, reads[i], record, agencies) : reads[i];
        }

        return checkedReads;
    }

    private RecordReadResult<TRecord> Check(PartnerScope scope, RecordReadResult<TRecord> read, TRecord record, IReadOnlyDictionary<string, EffectiveSeries<CreatorContract>> agencies)
    {
        var errors = new FieldErrors();
        checkFields(scope, record, errors);
        var creatorId = mapping.CreatorId(record);
        if (scope.NeedsAgencyOf(creatorId))
        {
            var contract = agencies[creatorId].At(calendar.LocalDateOf(mapping.DecidingInstant(record)));
            if (!scope.CoversAgency(contract.IsFound ? contract.Value.Value.AgencyId : null))
            {
                PartnerScope.AddCreatorOutOfScope(errors);
            }
        }

        return errors.IsEmpty ? read : new RecordReadResult<TRecord>(null, read.RecordId, errors);
    }

    private static FieldErrors UnknownPartner(string partnerId)
    {
        var errors = new FieldErrors();
        errors.Add("partnerId", $"unknown partner '{partnerId}': no partner of that id is configured (Payouts:Partners), so it may not send records");
        return errors;
    }

    /// <summary>The contracts of the creators whose scope depends on their agency, each creator read once (and cached briefly).</summary>
    private async Task<IReadOnlyDictionary<string, EffectiveSeries<CreatorContract>>> AgenciesAsync(
        PartnerScope scope, IReadOnlyList<RecordReadResult<TRecord>> reads, CancellationToken ct)
    {
        var creators = reads
            .Where(r => r.Record is not null)
            .Select(r => mapping.CreatorId(r.Record!))
            .Where(scope.NeedsAgencyOf)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var found = new ConcurrentDictionary<string, EffectiveSeries<CreatorContract>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(creators, new ParallelOptions { MaxDegreeOfParallelism = LookupConcurrency, CancellationToken = ct }, async (creatorId, token) =>
            found[creatorId] = await contracts.GetAsync(creatorId, token));
        return found;
    }
}
