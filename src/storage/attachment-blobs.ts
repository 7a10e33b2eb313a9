/**
 * Report attachments in Azure Blob Storage through @azure/storage-blob: one container, one blob per
 * attachment under `<roundId>/<reportId>/<attachmentId>`, its content type as a blob property and its
 * original name, size, uploader and time as metadata (ASCII only: the name URI-encoded). Production authenticates with Entra ID (DefaultAzureCredential, the app's
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

/** What is kept with a blob besides its bytes. */
export interface BlobFile {
  name: string;
  contentType: string;
  /** Entra object id of who sent it. */
  uploaderId?: string;
  /** ISO instant it arrived. */
  uploadedAt?: string;
}

export interface BlobRef {
  roundId: string;
  reportId: string;
  attachmentId: string;
}

/** A blob opened for reading, streamed (never held whole in memory). */
export interface BlobStream {
  contentType: string;
  bytes: number;
  stream: NodeJS.ReadableStream;
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

  async put(ref: BlobRef, body: Uint8Array, file: BlobFile): Promise<StoredBlob> {
    const name = blobName(ref.roundId, ref.reportId, ref.attachmentId);
    await this.container.getBlockBlobClient(name).uploadData(body, {
      blobHTTPHeaders: { blobContentType: file.contentType },
      // Metadata must be ASCII: the original name is kept URI-encoded.
      metadata: {
        filename: encodeURIComponent(file.name),
        contenttype: file.contentType,
        bytes: String(body.length),
        ...(file.uploaderId !== undefined ? { uploader: encodeURIComponent(file.uploaderId) } : {}),
        ...(file.uploadedAt !== undefined ? { uploadedat: file.uploadedAt } : {}),
      },
    });
    return { name, contentType: file.contentType, bytes: body.length };
  }

  async get(ref: BlobRef): Promise<Buffer | undefined> {
    const blob = this.container.getBlockBlobClient(blobName(ref.roundId, ref.reportId, ref.attachmentId));
    if (!(await blob.exists())) return undefined;
    return blob.downloadToBuffer();
  }

  /** The blob as a stream with its type and size; undefined when it does not exist. */
  async openRead(blob: string): Promise<BlobStream | undefined> {
    try {
      const res = await this.container.getBlockBlobClient(blob).download();
      if (res.readableStreamBody === undefined) return undefined;
      return {
        contentType: res.contentType ?? "application/octet-stream",
        bytes: res.contentLength ?? 0,
        stream: res.readableStreamBody,
      };
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw err;
    }
  }

  /** The metadata kept with a blob (decoded), for checks and support. */
  async metadata(blob: string): Promise<Record<string, string> | undefined> {
    try {
      const props = await this.container.getBlockBlobClient(blob).getProperties();
      return Object.fromEntries(
        Object.entries(props.metadata ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
      );
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw err;
    }
  }

  /** Remove a blob by its name; false when it was not there. */
  async removeBlob(blob: string): Promise<boolean> {
    const res = await this.container.deleteBlob(blob).catch((err: { statusCode?: number }) => {
      if (err.statusCode === 404) return undefined;
      throw err;
    });
    return res !== undefined;
  }

  async remove(ref: BlobRef): Promise<boolean> {
    return this.removeBlob(blobName(ref.roundId, ref.reportId, ref.attachmentId));
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
