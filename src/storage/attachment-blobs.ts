/**
 * Report attachments in Azure Blob Storage through @azure/storage-blob: one container, one blob per
 * attachment under `<roundId>/<reportId>/<attachmentId>`, its content type and original name kept as
 * blob properties/metadata. Production authenticates with Entra ID (DefaultAzureCredential, the app's
 * managed identity with Storage Blob Data Contributor); locally and in tests a connection string to
 * Azurite (local-azurite.ts).
 */
import type { TokenCredential } from "@azure/identity";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";

export interface StoredBlob {
  name: string;
  contentType: string;
  bytes: number;
}

const blobName = (roundId: string, reportId: string, attachmentId: string) =>
  `${encodeURIComponent(roundId)}/${encodeURIComponent(reportId)}/${encodeURIComponent(attachmentId)}`;

export class AttachmentBlobs {
  private constructor(private readonly container: ContainerClient) {}

  /** Connect (a connection string, or an account URL with a credential) and make sure the container exists. */
  static async open(
    target: { connectionString: string } | { accountUrl: string; credential: TokenCredential },
    containerName: string,
  ): Promise<AttachmentBlobs> {
    const service =
      "connectionString" in target
        ? BlobServiceClient.fromConnectionString(target.connectionString)
        : new BlobServiceClient(target.accountUrl, target.credential);
    const container = service.getContainerClient(containerName);
    await container.createIfNotExists();
    return new AttachmentBlobs(container);
  }

  async put(
    ref: { roundId: string; reportId: string; attachmentId: string },
    body: Uint8Array,
    file: { name: string; contentType: string },
  ): Promise<StoredBlob> {
    const name = blobName(ref.roundId, ref.reportId, ref.attachmentId);
    await this.container.getBlockBlobClient(name).uploadData(body, {
      blobHTTPHeaders: { blobContentType: file.contentType },
      // Metadata must be ASCII: the original name is kept URI-encoded.
      metadata: { filename: encodeURIComponent(file.name) },
    });
    return { name, contentType: file.contentType, bytes: body.length };
  }

  async get(ref: { roundId: string; reportId: string; attachmentId: string }): Promise<Buffer | undefined> {
    const blob = this.container.getBlockBlobClient(blobName(ref.roundId, ref.reportId, ref.attachmentId));
    if (!(await blob.exists())) return undefined;
    return blob.downloadToBuffer();
  }

  async remove(ref: { roundId: string; reportId: string; attachmentId: string }): Promise<boolean> {
    const res = await this.container
      .deleteBlob(blobName(ref.roundId, ref.reportId, ref.attachmentId))
      .catch((err: { statusCode?: number }) => {
        if (err.statusCode === 404) return undefined;
        throw err;
      });
    return res !== undefined;
  }

  /** The blobs of one report. */
  async list(roundId: string, reportId: string): Promise<StoredBlob[]> {
    const out: StoredBlob[] = [];
    const prefix = `${encodeURIComponent(roundId)}/${encodeURIComponent(reportId)}/`;
    for await (const b of this.container.listBlobsFlat({ prefix }))
      out.push({
        name: b.name,
        contentType: b.properties.contentType ?? "",
        bytes: b.properties.contentLength ?? 0,
      });
    return out;
  }
}
