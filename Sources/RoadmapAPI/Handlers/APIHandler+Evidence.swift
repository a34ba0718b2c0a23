import Foundation
import OpenAPIRuntime
import RoadmapStore

extension APIHandler {
    func listReportFiles(_ input: Operations.ListReportFiles.Input) async throws -> Operations.ListReportFiles.Output {
        let scope = try RequestPrincipal.require()
        let files = try await evidence.list(reportID: try RequestValues.pathID(input.path.id, entity: "report"), scope: scope)
        return .ok(.init(body: .json(.init(items: files.map(Components.Schemas.EvidenceFile.init)))))
    }

    func attachReportFile(_ input: Operations.AttachReportFile.Input) async throws -> Operations.AttachReportFile.Output {
        let actor = try RequestPrincipal.require()
        guard case .binary(let body) = input.body else { throw Problem.badRequest("Send the file as application/octet-stream.") }
        // BodyLimitMiddleware has bounded the upload already.
        let data = Data(try await [UInt8](collecting: body, upTo: .max))
        do {
            let attached = try await evidence.attach(
                reportID: try RequestValues.pathID(input.path.id, entity: "report"),
                [EvidenceUpload(fileName: input.query.fileName, content: data)], actor: actor)
            guard let file = attached.first else { throw Problem.badRequest("No file was attached.") }
            return .created(.init(body: .json(.init(file))))
        } catch let refusal as EvidenceRefusal {
            throw Problem(.unprocessableContent, type: "invalid-evidence", title: "File refused", detail: "\(input.query.fileName): \(refusal)",
                          invalidFields: [Problem.InvalidField(name: "file", reason: refusal.description)])
        }
    }

    func downloadFile(_ input: Operations.DownloadFile.Input) async throws -> Operations.DownloadFile.Output {
        let scope = try RequestPrincipal.require()
        let file = try await evidence.download(try RequestValues.pathID(input.path.id, entity: "file"), scope: scope)
        return .ok(.init(
            headers: .init(contentDisposition: ContentDisposition.attachment(file.record.fileName), digestSHA256: file.record.sha256),
            body: .binary(HTTPBody(file.content))))
    }
}

extension Components.Schemas.EvidenceFile {
    init(_ record: EvidenceFileRecord) {
        self.init(id: record.id.wire, reportId: record.reportID.wire, fileName: record.fileName, mediaType: record.mediaType,
                  sizeBytes: record.sizeBytes, sha256: record.sha256, createdAt: record.createdAt)
    }
}
