using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mpi.Contracts.V1;
using Mpi.Matching.Blocking;
using Mpi.Service.Persistence.Entities;
using Domain = Mpi.Matching.Settings;
using Mpi.Service.Model;

namespace Mpi.Service.Grpc;

/// <summary>mpi.v1.ModelService: the steward's view and control of model versions and thresholds.</summary>
[BindServiceMethod(typeof(ModelGrpcService), nameof(BindService))]
public sealed class ModelGrpcService(ModelVersions versions) : ModelService.ModelServiceBase
{
    /// <summary>The generated binding, with undecodable requests answered INVALID_ARGUMENT.</summary>
    public static void BindService(ServiceBinderBase binder, ModelService.ModelServiceBase service) =>
        UndecodableAsInvalidArgument.Bind(binder, service, ModelService.BindService);

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public override async Task<Mpi.Contracts.V1.Model> GetModel(GetModelRequest request, ServerCallContext context)
    {
        var found = await versions.GetAsync(string.IsNullOrWhiteSpace(request.Version) ? null : request.Version.Trim(), context.CancellationToken)
            ?? throw new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, "no such model version"));
        return ToContract(found.Entity, found.Model);
    }

    public override async Task<ListModelVersionsResponse> ListModelVersions(ListModelVersionsRequest request, ServerCallContext context)
    {
        var skip = 0;
        if (request.PageToken.Length > 0 && !int.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
            throw InvalidArgument.Of([("page_token", "invalid page token")]);
        var size = request.PageSize <= 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var page = await versions.ListAsync(skip, size + 1, context.CancellationToken);
        var response = new ListModelVersionsResponse { NextPageToken = page.Count > size ? (skip + size).ToString(CultureInfo.InvariantCulture) : "" };
        response.Versions.Add(page.Take(size).Select(e =>
        {
            var model = Domain.MatchModelJson.Deserialize(e.Json);
            return new ModelVersionSummary
            {
                Version = e.Version, Active = e.IsActive, CreatedAt = Timestamp.FromDateTimeOffset(e.CreatedAt), CreatedBy = e.CreatedBy,
                Description = model.Description, BasedOnVersion = e.BasedOnVersion ?? "", Thresholds = Thresholds(model.Thresholds),
                ActivatedAt = e.ActivatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            };
        }));
        return response;
    }

    public override async Task<Mpi.Contracts.V1.Model> UpdateThresholds(UpdateThresholdsRequest request, ServerCallContext context)
    {
        RequireStewardWide(context, "the thresholds");
        if (string.IsNullOrWhiteSpace(request.ExpectedActiveVersion)) throw InvalidArgument.Of([("expected_active_version", "missing")]);
        // model.proto: no threshold sent is INVALID_ARGUMENT (it had made a new, unchanged version active).
        if (!request.HasAutoLink && !request.HasReview && !request.HasAmbiguityMargin)
            throw InvalidArgument.Of([("auto_link", "send at least one of auto_link, review, ambiguity_margin")]);
        var reason = RequestReasons.Required(request.Reason);
        var updated = await versions.UpdateThresholdsAsync(request.ExpectedActiveVersion.Trim(),
            request.HasAutoLink ? request.AutoLink : null, request.HasReview ? request.Review : null,
            request.HasAmbiguityMargin ? request.AmbiguityMargin : null, reason, CallerIdentity.Of(context), context.CancellationToken);
        return await Answer(RefusalStatus.ValueOr(updated, context), context);
    }

    public override async Task<Mpi.Contracts.V1.Model> ActivateModel(ActivateModelRequest request, ServerCallContext context)
    {
        RequireStewardWide(context, "the active model");
        if (string.IsNullOrWhiteSpace(request.Version)) throw InvalidArgument.Of([("version", "missing")]);
        if (string.IsNullOrWhiteSpace(request.ExpectedActiveVersion)) throw InvalidArgument.Of([("expected_active_version", "missing")]);
        var reason = RequestReasons.Required(request.Reason);
        var activated = await versions.ActivateAsync(request.Version.Trim(), request.ExpectedActiveVersion.Trim(), reason,
            CallerIdentity.Of(context), context.CancellationToken);
        return await Answer(RefusalStatus.ValueOr(activated, context), context);
    }

    /// <summary>The model decides for every registry: only a steward-wide key (granted <c>*</c>) may change it.</summary>
    private static void RequireStewardWide(ServerCallContext context, string what)
    {
        if (!CallerIdentity.Scope(context).IsEverything)
            throw PermissionDenied.OutOfScope(CallerIdentity.Of(context), $"change {what}: it decides for every registry, a steward-wide key (registries *) is required",
                ("scope", "*"));
    }

    private async Task<Mpi.Contracts.V1.Model> Answer(Domain.MatchModel model, ServerCallContext context)
    {
        var found = await versions.GetAsync(model.Version, context.CancellationToken);
        return ToContract(found!.Value.Entity, found.Value.Model);
    }

    private static Mpi.Contracts.V1.Model ToContract(ModelVersionEntity e, Domain.MatchModel m)
    {
        var result = new Mpi.Contracts.V1.Model
        {
            Version = e.Version, Active = e.IsActive, CreatedAt = Timestamp.FromDateTimeOffset(e.CreatedAt), CreatedBy = e.CreatedBy,
            Description = m.Description, BasedOnVersion = e.BasedOnVersion ?? "", MatchPrior = m.MatchPrior,
            PriorWeight = Mpi.Matching.Scoring.PairScorer.PriorWeightOf(m.MatchPrior), Thresholds = Thresholds(m.Thresholds),
            ActivatedAt = e.ActivatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            Blocking = new BlockingSettings { MaxBlockSize = m.Blocking.MaxBlockSize },
        };
        result.Blocking.Rules.Add(m.Blocking.Rules.Select(BlockingRuleCatalog.Get).Select(r => new Mpi.Contracts.V1.BlockingRule
        {
            Name = r.Name, Description = r.Description, MaxBlockSize = Math.Min(r.MaxBlockSize, m.Blocking.MaxBlockSize),
        }));
        result.Comparisons.Add(m.Comparisons.Select(c =>
        {
            var comparison = new Mpi.Contracts.V1.ComparisonParameters { Name = c.Name, Description = c.Description, TermFrequencyAdjusted = c.TermFrequencyAdjusted };
            comparison.Levels.Add(c.Levels.Select((l, i) =>
            {
                var level = new Mpi.Contracts.V1.LevelParameters { Level = i, Label = l.Label, Weight = l.Weight };
                if (l.M is { } mValue) level.M = mValue;
                if (l.U is { } uValue) level.U = uValue;
                return level;
            }));
            return comparison;
        }));
        result.Rules.Add(m.Rules.Select(r => new Mpi.Contracts.V1.ExactRule { Name = r.Name, Fields = { r.Fields } }));
        if (m.Training is { } t)
            result.Training = new Mpi.Contracts.V1.TrainingSummary
            {
                Method = t.Method, Records = t.Records, RandomPairs = t.RandomPairs, BlockedPairs = t.BlockedPairs, Iterations = t.Iterations,
                Converged = t.Converged, BlockedMatchRate = t.BlockedMatchRate,
            };
        if (m.Learned is { } l)
        {
            result.Learned = new LearnedRescorer
            {
                TrainedUnder = l.TrainedUnder, AutoLink = l.AutoLink, NonMatch = l.NonMatch, Bias = l.Bias, CalibrationSlope = l.CalibrationSlope,
                CalibrationOffset = l.CalibrationOffset, Coefficients = { l.FeatureWeights },
            };
            if (l.Training is { } lt)
            {
                (result.Learned.Method, result.Learned.Labels, result.Learned.SamePerson, result.Learned.Folds) = (lt.Method, lt.Labels, lt.SamePerson, lt.Folds);
                (result.Learned.CrossValidatedAuc, result.Learned.CrossValidatedLogLoss) = (lt.CrossValidatedAuc, lt.CrossValidatedLogLoss);
                result.Learned.TrainedAt = Timestamp.FromDateTimeOffset(lt.TrainedAt);
            }
        }
        return result;
    }

    private static Mpi.Contracts.V1.DecisionThresholds Thresholds(Domain.DecisionThresholds t) => new()
    {
        AutoLink = t.AutoLink, Review = t.Review, AmbiguityMargin = t.AmbiguityMargin, StrongDisagreementWeight = t.StrongDisagreementWeight,
        MinimumMeanClusterWeight = t.MinimumMeanClusterWeight,
    };
}
